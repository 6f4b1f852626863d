// The month's single events on their days (staff and leaders): each a link with its start time,
// called-off ones marked; 上个月 / 下个月 fetch that month.
import { Alert, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { addDays, monthPeriod, todayInCommunity } from '@/lib/dates';
import { useEvents, type EventItem } from '../api/get-events';
import { communityDay, communityTime, dayStart } from './dates';
import { MonthGrid, MonthSwitcher, useMonthParam } from './MonthGrid';

/** The events by the community day they start on. */
export function eventsByDay(events: EventItem[]): Map<string, EventItem[]> {
  const days = new Map<string, EventItem[]>();
  for (const e of [...events].sort((a, b) => a.starts_at.localeCompare(b.starts_at))) {
    const day = communityDay(e.starts_at);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return days;
}

export function EventsMonth() {
  const { t, i18n } = useTranslation();
  const today = todayInCommunity();
  const [month, setMonth] = useMonthParam(today);
  const { from, to } = monthPeriod(month);
  const events = useEvents({ from: dayStart(from), to: dayStart(addDays(to, 1)) });
  const byDay = eventsByDay(events.data ?? []);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="events-month">
      <MonthSwitcher month={month} onChange={setMonth} testId="events-month-label" />
      {events.error && <Alert type="error" showIcon message={problemMessage(t, events.error)} />}
      <MonthGrid
        month={month}
        today={today}
        testId="events-calendar"
        dayTestId="events-day"
        empty={events.isLoading ? t('common.loading') : t('events.noneThisMonth')}
        renderDay={(day) => {
          const list = byDay.get(day);
          if (!list) return null;
          return (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              {list.map((e) => (
                <div key={e.id} data-testid="calendar-event">
                  <Typography.Text type="secondary">{communityTime(e.starts_at, i18n.language)} </Typography.Text>
                  <Link to={`/events/${e.id}`} style={e.status === 'cancelled' ? { textDecoration: 'line-through' } : undefined}>
                    {e.title}
                  </Link>
                  {e.status === 'cancelled' && (
                    <Tag color="red" style={{ marginInlineStart: 4 }}>
                      {t('events.calledOffShort')}
                    </Tag>
                  )}
                </div>
              ))}
            </Space>
          );
        }}
      />
    </Space>
  );
}
