// Home: the community's open needs and how far each has come.
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { useNeeds } from '../api/get-needs';
import { NeedProgress } from './NeedProgress';

export function OpenNeedsWidget() {
  const { t } = useTranslation();
  const needs = useNeeds('open');
  const items = needs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <ListWidget
      title={t('home.openNeeds', { count: items.length })}
      link="/needs"
      linkLabel={t('home.allNeeds')}
      loading={needs.isLoading}
      testId="open-needs-widget"
      empty={t('support.noNeeds')}
      max={4}
      items={items.map((need) => ({ key: need.id, to: '/needs', label: need.title, detail: <NeedProgress need={need} /> }))}
    />
  );
}
