// A group leader's home: the older residents of their group who live alone — the people a leader
// looks in on first — each a link, with the phone (masked) to call.
import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useResidents } from '../api/get-residents';

export function LivingAloneWidget() {
  const { t } = useTranslation();
  const residents = useResidents({ tags: 'living_alone', min_age: 60 });
  const items = residents.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Widget
      title={t('home.livingAlone', { count: items.length })}
      link="/registry/residents?tags=living_alone&min_age=60"
      linkLabel={t('home.all')}
      loading={residents.isLoading}
      testId="living-alone"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nobodyAlone')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 6)}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/registry/residents/${r.id}`}>
                {r.name} · {t('registry.ageYears', { age: r.age })}
              </Link>
              <Typography.Text type="secondary">{r.phone_masked ?? r.address}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Widget>
  );
}
