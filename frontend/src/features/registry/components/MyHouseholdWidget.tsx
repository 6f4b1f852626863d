// A resident's home: their household at a glance, a link to its members.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useHouseholds } from '../api/get-households';
import { groupLabel } from './fields';

export function MyHouseholdWidget() {
  const { t } = useTranslation();
  const households = useHouseholds({});
  const household = households.data?.pages[0]?.items[0];
  return (
    <Widget title={t('nav.myHousehold')} link="/registry/my-household" linkLabel={t('home.all')} loading={households.isLoading} testId="my-household-widget">
      {household ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {household.address}
          <br />
          {groupLabel(t, household.group_number)} · {t('registry.head')}：{household.head_name ?? '—'} ·{' '}
          {t('registry.membersCount', { count: household.members })}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('registry.noHousehold')}</Typography.Text>
      )}
    </Widget>
  );
}
