// A recurring event (the nightly square) as a month calendar: each day 在办 or 取消 (and why),
// for staff and leaders the two leaders on duty, the headcount they recorded; staff and leaders
// call an evening off with a reason (下雨), and take one they called off back (恢复这一晚). A table
// of weeks at a desk, a list of days on a phone; 上个月 / 下个月 fetch that month.
// `/events/series/:id` reads that series; `/events/square` opens the square's series directly.
import { useState } from 'react';
import { Alert, App, Card, Descriptions, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem, problemMessage } from '@/api/problem';
import { PageShell } from '@/components/PageShell';
import { monthPeriod, todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { useOccurrences, type Occurrence } from '../api/get-occurrences';
import { useSeries, useSeriesList, type Series } from '../api/get-series';
import { useRestoreOccurrence } from '../api/restore-occurrence';
import { CallOffDayModal } from '../components/CallOffDayModal';
import { KindTag } from '../components/EventTags';
import { MonthGrid, MonthSwitcher, useMonthParam } from '../components/MonthGrid';
import { OccurrenceDay } from '../components/OccurrenceDay';
import { RecurringSection } from '../components/RecurringSection';
import { VenueNote } from '../components/VenuePledgeSelect';
import { formatDay } from '../components/dates';
import { parseRrule, seriesInWords } from '../components/rrule';

function SeriesView({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const me = useMe();
  const today = todayInCommunity();
  const [month, setMonth] = useMonthParam(today);
  const { from, to } = monthPeriod(month);
  const occurrences = useOccurrences(series.id, from, to);
  const [callingOff, setCallingOff] = useState<Occurrence | null>(null);
  const mayCallOff = me.role === 'staff' || me.role === 'group_leader';
  const evening = series.starts_local >= '17:00';
  const byDay = new Map((occurrences.data ?? []).map((o) => [o.day, o]));
  const until = parseRrule(series.rrule)?.until;
  // Only a call-off can be taken back; an evening the duty pair recorded as rained off cannot.
  const calledOff = new Set(series.exceptions.map((e) => e.day));
  const restoreDay = useRestoreOccurrence();
  const restore = (o: Occurrence) => {
    const day = formatDay(o.day, i18n.language, today);
    return restoreDay.mutateAsync({ seriesId: series.id, day: o.day }).then(
      () => void message.success(t('series.restoredDone', { day })),
      (err: unknown) => (err instanceof ApiProblem && err.status === 404 ? void message.info(t('series.notCalledOff', { day })) : report(err)),
    );
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('events.kindLabel')}>
            <KindTag kind={series.kind} />
          </Descriptions.Item>
          <Descriptions.Item label={t('series.when')}>
            <span data-testid="series-words">{seriesInWords(t, i18n.language, series)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('events.where')}>
            <Space direction="vertical" size={0}>
              <span>{series.place}</span>
              {me.role === 'staff' && series.venue_pledge_id && <VenueNote pledgeId={series.venue_pledge_id} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('series.period')}>
            {until
              ? t('series.fromTo', { first: formatDay(series.first_day, i18n.language, today), last: formatDay(until, i18n.language, today) })
              : t('series.fromOn', { first: formatDay(series.first_day, i18n.language, today) })}
          </Descriptions.Item>
          {series.description && <Descriptions.Item label={t('events.description')}>{series.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <MonthSwitcher month={month} onChange={setMonth} testId="series-month" />
          {mayCallOff && <Typography.Text type="secondary">{t('series.callOffHint')}</Typography.Text>}
          {occurrences.error && <Alert type="error" showIcon message={problemMessage(t, occurrences.error)} />}
          {occurrences.isLoading ? (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          ) : (
            <MonthGrid
              month={month}
              today={today}
              testId="series-calendar"
              dayTestId="series-day"
              empty={t('series.noDays')}
              renderDay={(day) => {
                const o = byDay.get(day);
                return o ? (
                  <OccurrenceDay
                    occurrence={o}
                    today={today}
                    evening={evening}
                    onCallOff={mayCallOff ? setCallingOff : undefined}
                    onRestore={mayCallOff && calledOff.has(day) ? restore : undefined}
                  />
                ) : null;
              }}
            />
          )}
        </Space>
      </Card>
      {mayCallOff && <CallOffDayModal seriesId={series.id} title={series.title} occurrence={callingOff} today={today} onClose={() => setCallingOff(null)} />}
    </Space>
  );
}

export function SeriesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useSeries(id);
  const series = one.data;
  // No such series in the community (404), or an address whose id is not one (400).
  const missing = id === '' || (one.error instanceof ApiProblem && (one.error.status === 404 || one.error.status === 400));
  return (
    <PageShell title={series?.title ?? t('series.title')} loading={one.isLoading} testId="series-page" bare>
      {series ? (
        <SeriesView series={series} />
      ) : missing ? (
        <Alert type="warning" showIcon message={t('series.notFound')} />
      ) : (
        one.error && <Alert type="error" showIcon message={problemMessage(t, one.error)} />
      )}
    </PageShell>
  );
}

/** 广场夜间活动: the square's series, straight away (the recurring events when there is none). */
export function SquarePage() {
  const { t } = useTranslation();
  const list = useSeriesList();
  const series = list.data?.find((s) => s.kind === 'square');
  return (
    <PageShell title={series?.title ?? t('nav.squareSeries')} loading={list.isLoading} testId="series-page" bare>
      {series ? <SeriesView series={series} /> : list.data && <RecurringSection />}
    </PageShell>
  );
}
