// 我方场地上的活动 (partner units): what the community holds on the venues the unit lends —
// the coming events with their date, time and how many people to expect, the recurring ones in
// words ("每晚 19:00–21:30，约 300 人") with the next time, and the events of the last two months.
// Nothing about who comes. Cards, for phones first.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { addDays, todayInCommunity } from '@/lib/dates';
import { useVenueEvents, type VenueEvent, type VenueSeries } from '../api/get-venue-events';
import { KindTag } from '../components/EventTags';
import { communityDay, communityTime, dayStart, formatDay } from '../components/dates';
import { parseRrule, seriesInWords } from '../components/rrule';
import { formatEventTime } from '../components/text';
import { nextOccurrence, splitVenueEvents } from '../components/venue';

/** How far back the page looks (the events held lately) and ahead. */
const BACK_DAYS = 60;
const AHEAD_DAYS = 180;

function EventCard({ event, past }: { event: VenueEvent; past?: boolean }) {
  const { t, i18n } = useTranslation();
  const cancelled = event.status === 'cancelled';
  return (
    <Card size="small" data-testid="venue-event" className={cancelled ? 'xg-row-alert' : undefined}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <KindTag kind={event.kind} />
          {cancelled && <Tag color="red">{t('events.calledOff')}</Tag>}
          {past && !cancelled && <Tag>{t('venue.held')}</Tag>}
        </Space>
        <Typography.Text strong style={{ fontSize: 18, overflowWrap: 'anywhere' }}>
          {event.title}
        </Typography.Text>
        <Typography.Text>
          {t('events.when')}：{formatEventTime(event.starts_at, event.ends_at, i18n.language)}
        </Typography.Text>
        <Typography.Text>
          {t('events.where')}：{event.place}
        </Typography.Text>
        <Typography.Text>
          {t('venue.expected')}：{event.expected_size != null ? t('series.aboutPeople', { count: event.expected_size }) : t('venue.unknownSize')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function SeriesCard({ series, today }: { series: VenueSeries; today: string }) {
  const { t, i18n } = useTranslation();
  const next = nextOccurrence(series.occurrences);
  const until = parseRrule(series.rrule)?.until;
  return (
    <Card size="small" data-testid="venue-series">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <KindTag kind={series.kind} />
          <Tag color="blue">{t('venue.recurring')}</Tag>
        </Space>
        <Typography.Text strong style={{ fontSize: 18, overflowWrap: 'anywhere' }}>
          {series.title}
        </Typography.Text>
        <Typography.Text strong data-testid="venue-series-words">
          {seriesInWords(t, i18n.language, series)}
        </Typography.Text>
        <Typography.Text>
          {t('events.where')}：{series.place}
        </Typography.Text>
        {next && (
          <Typography.Text>
            {t('venue.next')}：{formatDay(communityDay(next), i18n.language, today)} {communityTime(next, i18n.language)}
          </Typography.Text>
        )}
        {until && <Typography.Text type="secondary">{t('series.untilDay', { day: formatDay(until, i18n.language, today) })}</Typography.Text>}
      </Space>
    </Card>
  );
}

export function VenueEventsPage() {
  const { t } = useTranslation();
  const today = todayInCommunity();
  const schedule = useVenueEvents(dayStart(addDays(today, -BACK_DAYS)), dayStart(addDays(today, AHEAD_DAYS)));
  const { upcoming, held } = splitVenueEvents(schedule.data?.events ?? []);
  const series = schedule.data?.series ?? [];
  const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
  return (
    <PageShell title={t('venue.title')} intro={t('venue.intro')} loading={schedule.isLoading} testId="venue-events-page" bare>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('venue.recurringTitle')} size="small" data-testid="venue-series-list">
          <Space direction="vertical" size="small" style={{ width: '100%' }}>
            {series.length === 0 && none(t('venue.noRecurring'))}
            {series.map((s) => (
              <SeriesCard key={s.id} series={s} today={today} />
            ))}
          </Space>
        </Card>
        <Card title={t('venue.upcomingTitle')} size="small" data-testid="venue-upcoming">
          <Space direction="vertical" size="small" style={{ width: '100%' }}>
            {upcoming.length === 0 && none(t('venue.noUpcoming'))}
            {upcoming.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </Space>
        </Card>
        <Card title={t('venue.heldTitle', { days: BACK_DAYS })} size="small" data-testid="venue-held">
          <Space direction="vertical" size="small" style={{ width: '100%' }}>
            {held.length === 0 && none(t('venue.noneHeld'))}
            {held.map((e) => (
              <EventCard key={e.id} event={e} past />
            ))}
          </Space>
        </Card>
      </Space>
    </PageShell>
  );
}
