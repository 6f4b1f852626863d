// 我的值班, a group leader's page on their phone: their next duty nights as large cards (date,
// weekday, 周末 / 节假日, who is on with them), each with 找人替班; the nights other leaders offer
// (可以接的班) and their own swaps (我的换班); recording the evening of tonight or of a recent
// night they were on; the days they cannot be on duty; and what other features add (the
// calendar subscription).
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { addDays, todayInCommunity } from '@/lib/dates';
import { MY_DUTY_SLOT, Slot } from '@/lib/features';
import { useMe } from '@/lib/session';
import { useMyNights } from '../api/get-my-nights';
import { useRoster, type Night } from '../api/get-roster';
import { useSwaps } from '../api/get-swaps';
import { useUnavailability } from '../api/get-unavailability';
import { EveningReportModal } from '../components/EveningReportModal';
import { MySwaps, NightSwap, OpenOffers } from '../components/LeaderSwaps';
import { MyNightCard } from '../components/MyNightCard';
import { OfferSwapModal, type Offering } from '../components/OfferSwapModal';
import { openSwapOn } from '../components/swaps';
import { UnavailabilitySection } from '../components/Unavailability';
import { formatNight, reportSummary } from '../components/text';

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
  const [offering, setOffering] = useState<Offering | null>(null);
  const recordable = (recent.data?.nights ?? []).filter((n) => n.assignments.some((a) => a.leader_user_id === me.id)).reverse();
  const next = mine.data ?? [];
  // My nights carry no duty id: the roster up to the last of them has it (to offer a night).
  const last = next.at(-1)?.night ?? today;
  const ahead = useRoster(today, last, next.length > 0);
  const myDuty = (night: string) => ahead.data?.nights.find((n) => n.night === night)?.assignments.find((a) => a.leader_user_id === me.id);
  const swaps = useSwaps();
  const allSwaps = swaps.data ?? [];
  const windows = useUnavailability();
  const away = (night: string) => (windows.data ?? []).some((w) => w.leader_user_id === me.id && night >= w.first_day && night <= w.last_day);
  return (
    <PageShell title={t('duty.myTitle')} testId="my-duty-page" bare>
      <Card title={t('duty.nextNights')} loading={mine.isLoading} data-testid="my-nights">
        {next.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.noNextNights')} />
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {next.map((n) => {
              const duty = myDuty(n.night);
              return (
                <MyNightCard key={n.night} night={n} today={today}>
                  <NightSwap
                    night={n.night}
                    assignment={duty}
                    swap={duty && openSwapOn(allSwaps, duty.id)}
                    meId={me.id}
                    today={today}
                    onOffer={() => duty && setOffering({ night: n.night, assignmentId: duty.id })}
                  />
                </MyNightCard>
              );
            })}
          </Space>
        )}
      </Card>
      <OpenOffers swaps={allSwaps} meId={me.id} today={today} loading={swaps.isLoading} myNights={new Set(next.map((n) => n.night))} away={away} />
      <MySwaps swaps={allSwaps} meId={me.id} today={today} loading={swaps.isLoading} />
      {!recent.isLoading && <RecordNights nights={recordable} today={today} onRecord={setRecording} />}
      <UnavailabilitySection today={today} myNights={next} />
      <Slot name={MY_DUTY_SLOT} props={{}} />
      <EveningReportModal night={recording} meId={me.id} today={today} onClose={() => setRecording(null)} />
      <OfferSwapModal offering={offering} today={today} onClose={() => setOffering(null)} />
    </PageShell>
  );
}
