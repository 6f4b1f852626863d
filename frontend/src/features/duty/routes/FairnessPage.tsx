// 值班公平: how the year's duty is shared among the group leaders, counted in nights weighted by
// the rules (a weekend night counts for more than a weekday one). Staff check the roster is fair;
// a leader sees their own share beside everyone else's.
import { useState } from 'react';
import { Alert, Card, Descriptions, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { PageShell } from '@/components/PageShell';
import { todayInCommunity } from '@/lib/dates';
import { useMe } from '@/lib/session';
import { useLedger } from '../api/get-ledger';
import { useDutyRules } from '../api/get-rules';
import { LedgerChart } from '../components/LedgerChart';
import { formatNights, spreadText } from '../components/text';

export function FairnessPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const thisYear = Number(todayInCommunity().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const ledger = useLedger(year);
  const rules = useDutyRules();
  const nights = (tenths: number) => formatNights(t, i18n.language, tenths);
  const mine = ledger.data?.lines.find((l) => l.leader_user_id === me.id);
  return (
    <PageShell
      title={t('duty.fairnessTitle')}
      testId="duty-fairness-page"
      bare
      intro={
        rules.data &&
        t('duty.weightsIntro', {
          weekday: nights(rules.data.weekday_weight),
          weekend: nights(rules.data.weekend_weight),
          holiday: nights(rules.data.holiday_weight),
        })
      }
    >
      <Segmented
        value={year}
        onChange={(v) => setYear(Number(v))}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('duty.yearLabel', { year: y }) }))}
        aria-label={t('duty.year')}
        data-testid="ledger-year"
      />
      {ledger.error && <Alert type="error" showIcon message={problemMessage(t, ledger.error)} />}
      {ledger.data && (
        <Alert
          type="info"
          showIcon
          data-testid="ledger-spread"
          message={<Typography.Text strong>{spreadText(t, i18n.language, ledger.data.spread)}</Typography.Text>}
          description={t('duty.spreadHint', { count: ledger.data.lines.length })}
        />
      )}
      {mine && (
        <Card size="small" title={t('duty.myShare', { year })} data-testid="my-share">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'served',
                label: t('duty.servedLabel'),
                children: t('duty.nightsAndWeight', { count: mine.served_nights, weight: nights(mine.served_weight) }),
              },
              {
                key: 'ahead',
                label: t('duty.scheduledLabel'),
                children: t('duty.nightsAndWeight', { count: mine.scheduled_nights, weight: nights(mine.scheduled_weight) }),
              },
              ...((mine.no_shows ?? 0) > 0 ? [{ key: 'missed', label: t('duty.noShows'), children: t('duty.times', { count: mine.no_shows ?? 0 }) }] : []),
            ]}
          />
        </Card>
      )}
      <Card title={t('duty.ledgerTitle', { year })} loading={ledger.isLoading}>
        {ledger.data &&
          (ledger.data.lines.length === 0 ? (
            <Typography.Text type="secondary">{t('duty.noLeaders')}</Typography.Text>
          ) : (
            <LedgerChart lines={ledger.data.lines} meId={me.id} />
          ))}
      </Card>
    </PageShell>
  );
}
