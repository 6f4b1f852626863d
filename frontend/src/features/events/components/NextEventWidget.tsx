// Resident home: the next event they registered for, else the next one open for registration.
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { useEvents } from '../api/get-events';
import { useCheckInCode } from '../api/get-check-in-code';
import { useRegistrationsOf } from '../api/get-registrations';
import { activeRegistration, formatEventTime, placesText, registrationOpen } from './text';

export function NextEventWidget() {
  const { t, i18n } = useTranslation();
  const events = useEvents();
  const code = useCheckInCode();
  const upcoming = (events.data ?? []).filter((e) => e.status === 'scheduled' && e.capacity != null);
  const registrations = useRegistrationsOf(upcoming.map((e) => e.id));
  const mine = upcoming.map((e, i) => ({ event: e, registration: activeRegistration(registrations[i]?.data ?? [], code.data?.resident_id) }));
  const registered = mine.find((m) => m.registration && m.registration.status !== 'attended');
  const next = registered ?? mine.find((m) => registrationOpen(m.event));
  const loading = events.isLoading || registrations.some((r) => r.isLoading);
  return (
    <ListWidget
      title={registered ? t('events.widgetMine') : t('events.widgetOpen')}
      link="/events"
      linkLabel={t('events.allEvents')}
      testId="next-event"
      loading={loading}
      empty={t('events.none')}
      items={
        next
          ? [
              {
                key: next.event.id,
                to: '/events',
                label: next.event.title,
                note: next.registration ? t(`events.registrationStatus.${next.registration.status}`) : placesText(t, next.event),
                detail: (
                  <div>
                    {formatEventTime(next.event.starts_at, next.event.ends_at, i18n.language)} · {next.event.place}
                  </div>
                ),
              },
            ]
          : []
      }
    />
  );
}
