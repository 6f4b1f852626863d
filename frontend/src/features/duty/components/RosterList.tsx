// The nights of a month for staff: a table at a desk, cards on a phone. Each night: its date
// and weekday (周末 / 节假日 tagged), its leaders with their group, what became of each duty and
// whether it is locked (换班 when a leader took the night over from another), the evening
// report; a night short of leaders stands out (and says so).
import { Button, Space, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { useReportError } from '@/lib/forms';
import type { Assignment, Night } from '../api/get-roster';
import { useLockAssignment } from '../api/lock-assignment';
import { DutyStatusTag, NightKindTag, ShortTag, SwappedTag } from './DutyTags';
import { formatNight, leaderLabel, missingOf, reportSummary } from './text';

function LockToggle({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const report = useReportError();
  const lock = useLockAssignment();
  const locked = assignment.locked;
  return (
    <Button
      size="small"
      type={locked ? 'primary' : 'default'}
      ghost={locked}
      icon={locked ? <LockOutlined aria-hidden /> : <UnlockOutlined aria-hidden />}
      aria-pressed={locked}
      aria-label={t('duty.actionFor', { action: locked ? t('duty.locked') : t('duty.lock'), what: assignment.leader_name })}
      loading={lock.isPending}
      onClick={() => lock.mutateAsync({ id: assignment.id, locked: !locked, version: assignment.version }).catch((e: unknown) => report(e))}
      data-testid="lock-toggle"
    >
      {locked ? t('duty.locked') : t('duty.lock')}
    </Button>
  );
}

/** The leaders of one night, one line each. */
function Leaders({ night, today }: { night: Night; today: string }) {
  const { t } = useTranslation();
  const ahead = night.night >= today;
  if (night.assignments.length === 0) return <Typography.Text type="secondary">{t('duty.nobody')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {night.assignments.map((a) => (
        <div key={a.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }} data-testid="night-leader">
          <Typography.Text strong>{leaderLabel(t, a.leader_name, a.group_number)}</Typography.Text>
          {a.source === 'swap' && <SwappedTag />}
          {a.status !== 'scheduled' && <DutyStatusTag status={a.status} />}
          {ahead && <LockToggle assignment={a} />}
        </div>
      ))}
    </Space>
  );
}

function NightDate({ night, today }: { night: Night; today: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {formatNight(night.night, i18n.language, { today })}
      </Typography.Text>
      {night.night === today && <Tag color="red">{t('duty.tonight')}</Tag>}
      <NightKindTag kind={night.kind} holiday={night.holiday} />
    </div>
  );
}

export function RosterList({
  nights,
  today,
  leadersPerNight,
  loading,
  onSet,
  onRecord,
}: {
  nights: Night[];
  today: string;
  leadersPerNight: number;
  loading?: boolean;
  onSet: (night: Night) => void;
  onRecord: (night: Night) => void;
}) {
  const { t, i18n } = useTranslation();
  const actions = (night: Night) => (
    <Space wrap>
      {night.night >= today && (
        <Button
          size="small"
          onClick={() => onSet(night)}
          data-testid="set-night"
          aria-label={t('duty.actionFor', { action: t('duty.setNight'), what: formatNight(night.night, i18n.language) })}
        >
          {t('duty.setNight')}
        </Button>
      )}
      {night.night <= today && night.assignments.length > 0 && (
        <Button
          size="small"
          onClick={() => onRecord(night)}
          data-testid="record-night"
          aria-label={t('duty.actionFor', { action: night.report ? t('duty.editReport') : t('duty.record'), what: formatNight(night.night, i18n.language) })}
        >
          {night.report ? t('duty.editReport') : t('duty.record')}
        </Button>
      )}
    </Space>
  );
  const report = (night: Night) =>
    night.night > today ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Text type={night.report ? undefined : 'secondary'} style={{ overflowWrap: 'anywhere' }}>
        {reportSummary(t, i18n.language, night.report)}
      </Typography.Text>
    );
  return (
    <DataList<Night>
      testId="roster"
      itemTestId="roster-night"
      rows={nights}
      rowKey={(n) => n.night}
      loading={loading}
      rowClassName={(n) => (n.short ? 'xg-row-alert' : undefined)}
      empty={t('duty.noNights')}
      card={(night) => (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <NightDate night={night} today={today} />
          {night.short && <ShortTag missing={missingOf(night, leadersPerNight)} />}
          <Leaders night={night} today={today} />
          {night.night <= today && (
            <div>
              <Typography.Text type="secondary">{t('duty.evening')}：</Typography.Text>
              {report(night)}
            </div>
          )}
          {actions(night)}
        </Space>
      )}
      columns={[
        { title: t('duty.date'), key: 'date', width: 190, render: (_, night) => <NightDate night={night} today={today} /> },
        {
          title: t('duty.leadersOnDuty'),
          key: 'leaders',
          render: (_, night) => (
            <Space direction="vertical" size={4}>
              {night.short && <ShortTag missing={missingOf(night, leadersPerNight)} />}
              <Leaders night={night} today={today} />
            </Space>
          ),
        },
        { title: t('duty.evening'), key: 'report', render: (_, night) => <div style={{ maxWidth: 280 }}>{report(night)}</div> },
        { title: t('duty.actions'), key: 'actions', render: (_, night) => actions(night) },
      ]}
    />
  );
}
