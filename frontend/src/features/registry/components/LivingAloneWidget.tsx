// A group leader's home: the older residents of their group who live alone — the people a leader
// looks in on first — each a link, with the phone (masked) to call.
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { useResidents } from '../api/get-residents';

export function LivingAloneWidget() {
  const { t } = useTranslation();
  const residents = useResidents({ tags: 'living_alone', min_age: 60 });
  const items = residents.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <ListWidget
      title={t('home.livingAlone', { count: items.length })}
      link="/registry/residents?tags=living_alone&min_age=60"
      linkLabel={t('home.all')}
      loading={residents.isLoading}
      testId="living-alone"
      empty={t('home.nobodyAlone')}
      max={6}
      items={items.map((r) => ({
        key: r.id,
        to: `/registry/residents/${r.id}`,
        label: `${r.name} · ${t('registry.ageYears', { age: r.age })}`,
        note: r.phone_masked ?? r.address,
      }))}
    />
  );
}
