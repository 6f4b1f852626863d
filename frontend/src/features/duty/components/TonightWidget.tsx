// Staff home: who is on duty tonight (from today's roster), each with their group; it says so
// plainly when tonight is short of leaders, and leads to the planner.
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { todayInCommunity } from '@/lib/dates';
import { useRoster } from '../api/get-roster';
import { DutyStatusTag, NightKindTag } from './DutyTags';
import { formatNight, leaderLabel, missingOf, reportSummary } from './text';

export function TonightWidget() {
  const { t, i18n } = useTranslation();
  const today = todayInCommunity();
  const roster = useRoster(today, today);
  const night = roster.data?.nights[0];
  const missing = night && roster.data ? missingOf(night, roster.data.leaders_per_night) : 0;
  return (
    <Widget
      title={
        <span>
          {t('duty.tonightWidget')} <Typography.Text type="secondary">· {formatNight(today, i18n.language)}</Typography.Text>
        </span>
      }
      link="/duty"
      linkLabel={t('duty.toPlanner')}
      loading={roster.isLoading}
      testId="duty-tonight"
    >
      {night && (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <NightKindTag kind={night.kind} holiday={night.holiday} />
          {night.assignments.length === 0 ? (
            <Typography.Text type="secondary">{t('duty.tonightNobody')}</Typography.Text>
          ) : (
            night.assignments.map((a) => (
              <div key={a.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }} data-testid="tonight-leader">
                <Typography.Text strong>{leaderLabel(t, a.leader_name, a.group_number)}</Typography.Text>
                {a.status !== 'scheduled' && <DutyStatusTag status={a.status} />}
              </div>
            ))
          )}
          {night.short && <Alert type="error" showIcon message={t('duty.tonightShort', { count: missing })} data-testid="tonight-short" />}
          {night.report && (
            <Typography.Text>
              {t('duty.evening')}：{reportSummary(t, i18n.language, night.report)}
            </Typography.Text>
          )}
        </Space>
      )}
    </Widget>
  );
}
