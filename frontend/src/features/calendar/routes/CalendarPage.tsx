// 日历订阅 as a page of its own, for everyone with a calendar: staff (the whole duty roster), group
// leaders (their duty nights; also on 我的值班) and residents (the events they register for).
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { CalendarFeedCard } from '../components/CalendarFeedCard';

export function CalendarPage() {
  const { t } = useTranslation();
  return (
    <PageShell title={t('calendar.title')} testId="calendar-page" bare>
      <CalendarFeedCard />
    </PageShell>
  );
}
