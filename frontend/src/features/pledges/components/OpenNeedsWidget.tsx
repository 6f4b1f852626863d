// Home: the community's open needs and how far each has come.
import { Empty, List } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useNeeds } from '../api/get-needs';
import { NeedProgress } from './NeedProgress';

export function OpenNeedsWidget() {
  const { t } = useTranslation();
  const needs = useNeeds('open');
  const items = needs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Widget
      title={t('home.openNeeds', { count: items.length })}
      link="/needs"
      linkLabel={t('home.allNeeds')}
      loading={needs.isLoading}
      testId="open-needs-widget"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('support.noNeeds')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 4)}
          renderItem={(need) => (
            <List.Item style={{ display: 'block' }}>
              <Link to="/needs">{need.title}</Link>
              <NeedProgress need={need} />
            </List.Item>
          )}
        />
      )}
    </Widget>
  );
}
