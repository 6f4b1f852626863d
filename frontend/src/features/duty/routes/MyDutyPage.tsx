// 我的值班, a group leader's page on their phone: their next duty nights as large cards (date,
// weekday, 周末 / 节假日, who is on with them); recording the evening of tonight or of a recent
// night they were on; and the days they cannot be on duty.
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useMyNights } from '../api/get-my-nights';
import { useRoster, type Night } from '../api/get-roster';
import { EveningReportModal } from '../components/EveningReportModal';
import { MyNightCard } from '../components/MyNightCard';
import { UnavailabilitySection } from '../components/Unavailability';
import { addDays, formatNight, reportSummary, todayInCommunity } from '../components/text';

/** How far back a leader can still record an evening from this page. */
const RECORD_DAYS_BACK = 7;

function RecordNights({ nights, today, onRecord }: { nights: Night[]; today: string; onRecord: (night: Night) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('duty.recordTitle')} data-testid="record-nights">
      <List
        dataSource={nights}
        rowKey={(n) => n.night}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.nothingToRecord')} /> }}
        renderItem={(night) => {
          const tonight = night.night === today;
          const label = tonight ? (night.report ? t('duty.editTonight') : t('duty.recordTonight')) : night.report ? t('duty.editReport') : t('duty.recordLate');
          return (
            <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid="recordable-night">
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                <div>
                  <Typography.Text strong style={{ fontSize: '1.125em' }}>
                    {tonight ? t('duty.tonight') : formatNight(night.night, i18n.language, { today })}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="recorded-summary">
                    {reportSummary(t, i18n.language, night.report)}
                  </Typography.Paragraph>
                </div>
                <Button
                  type={tonight && !night.report ? 'primary' : 'default'}
                  size="large"
                  block
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => onRecord(night)}
                  aria-label={tonight ? label : t('duty.actionFor', { action: label, what: formatNight(night.night, i18n.language) })}
                  data-testid={tonight ? 'record-tonight' : 'record-night'}
                >
                  {label}
                </Button>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

export function MyDutyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const today = todayInCommunity();
  const mine = useMyNights();
  const recent = useRoster(addDays(today, -RECORD_DAYS_BACK), today);
  const [recording, setRecording] = useState<Night | null>(null);
  const recordable = (recent.data?.nights ?? []).filter((n) => n.assignments.some((a) => a.leader_user_id === me.id)).reverse();
  const next = mine.data ?? [];
  return (
    <PageShell title={t('duty.myTitle')} testId="my-duty-page" bare>
      <Card title={t('duty.nextNights')} loading={mine.isLoading} data-testid="my-nights">
        {next.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.noNextNights')} />
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {next.map((n) => (
              <MyNightCard key={n.night} night={n} today={today} />
            ))}
          </Space>
        )}
      </Card>
      {!recent.isLoading && <RecordNights nights={recordable} today={today} onRecord={setRecording} />}
      <UnavailabilitySection today={today} myNights={next} />
      <EveningReportModal night={recording} meId={me.id} today={today} onClose={() => setRecording(null)} />
    </PageShell>
  );
}
