// Staff's duty planner (值班排班): a month of nights with their leaders; generate the roster for
// a period, set a night by hand, lock what must stay, record an evening; on the second tab the
// swaps between leaders (those waiting for staff first, to approve or reject); on the third the
// rules (what a night counts for) and the public holidays.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Grid, Space, Tabs, Typography } from 'antd';
import { LeftOutlined, RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { PageShell } from '@/components/PageShell';
import { formatMonth, monthPeriod, todayInCommunity } from '@/lib/dates';
import type { GenerateResult } from '../api/generate-roster';
import { useRoster, type Night } from '../api/get-roster';
import { useSwaps } from '../api/get-swaps';
import { DutySettings } from '../components/DutySettings';
import { EveningReportModal } from '../components/EveningReportModal';
import { GenerateModal, GenerateResultCard } from '../components/GenerateRoster';
import { RosterList } from '../components/RosterList';
import { SetNightModal } from '../components/SetNightModal';
import { StaffSwaps } from '../components/StaffSwaps';
import { waitingForStaff } from '../components/swaps';

const TABS = ['roster', 'swaps', 'settings'] as const;

export function RosterPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInCommunity();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? `${params.get('month')}-01` : today;
  const { from, to } = monthPeriod(month);
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'roster';
  const roster = useRoster(from, to, tab === 'roster');
  const waiting = waitingForStaff(useSwaps().data ?? []).length;
  const phone = Grid.useBreakpoint().md === false;
  const [generating, setGenerating] = useState(false);
  const [result, setResult] = useState<GenerateResult | null>(null);
  const [setting, setSetting] = useState<Night | null>(null);
  const [recording, setRecording] = useState<Night | null>(null);
  const nights = roster.data?.nights ?? [];
  const perNight = roster.data?.leaders_per_night ?? 2;
  const empty = nights.length > 0 && nights.every((n) => n.assignments.length === 0);
  const short = nights.filter((n) => n.short && n.night >= today).length;
  const show = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const goToMonth = (day: string) => show({ month: day.slice(0, 7) });

  const list = <RosterList nights={nights} today={today} leadersPerNight={perNight} loading={roster.isLoading} onSet={setSetting} onRecord={setRecording} />;
  const planner = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
          <Space wrap>
            <Button icon={<LeftOutlined aria-hidden />} onClick={() => goToMonth(monthPeriod(from, -1).from)} data-testid="prev-month">
              {t('duty.prevMonth')}
            </Button>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(from)}
              format={(d) => formatMonth(d.format('YYYY-MM-DD'), i18n.language)}
              onChange={(d) => d && goToMonth(d.format('YYYY-MM-DD'))}
              aria-label={t('duty.month')}
              inputReadOnly
              data-testid="roster-month"
            />
            <Button onClick={() => goToMonth(monthPeriod(from, 1).from)} data-testid="next-month">
              {t('duty.nextMonth')}
              <RightOutlined aria-hidden />
            </Button>
          </Space>
          <Typography.Text data-testid="roster-summary">
            {roster.data &&
              !empty &&
              (short > 0 ? t('duty.monthShort', { nights: nights.length, count: short }) : t('duty.monthFull', { nights: nights.length }))}
          </Typography.Text>
        </div>
      </Card>
      {result && <GenerateResultCard result={result} today={today} onClose={() => setResult(null)} />}
      {roster.error && <Alert type="error" showIcon message={problemMessage(t, roster.error)} />}
      {empty && (
        <Alert
          type="warning"
          showIcon
          data-testid="roster-empty"
          message={t('duty.monthEmpty', { month: formatMonth(from, i18n.language) })}
          description={to >= today ? t('duty.monthEmptyHint') : undefined}
        />
      )}
      {phone ? list : <Card>{list}</Card>}
    </Space>
  );
  return (
    <PageShell
      title={t('duty.rosterTitle')}
      testId="duty-roster-page"
      bare
      actions={
        tab === 'roster' && (
          <Button type="primary" icon={<ThunderboltOutlined aria-hidden />} onClick={() => setGenerating(true)} data-testid="generate-roster">
            {t('duty.generate')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => show({ tab: key === 'roster' ? null : key })}
        items={[
          { key: 'roster', label: t('duty.rosterTab'), children: planner },
          {
            key: 'swaps',
            label: <span data-testid="swaps-tab">{waiting > 0 ? t('duty.swap.tabWaiting', { count: waiting }) : t('duty.swap.tab')}</span>,
            children: <StaffSwaps today={today} />,
          },
          { key: 'settings', label: t('duty.settingsTab'), children: <DutySettings today={today} /> },
        ]}
      />
      <GenerateModal
        open={generating}
        today={today}
        onClose={() => setGenerating(false)}
        onDone={(r) => {
          setResult(r);
          goToMonth(r.from);
        }}
      />
      <SetNightModal night={setting} leadersPerNight={perNight} today={today} onClose={() => setSetting(null)} />
      <EveningReportModal night={recording} today={today} onClose={() => setRecording(null)} />
    </PageShell>
  );
}
