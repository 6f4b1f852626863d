// 活动: residents see the upcoming events as big cards to register for, and their check-in code;
// staff and leaders see the list with its counts (staff publish from here), each leading to the
// event's page with its registrations and the check-in box.
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useEvents, type EventItem } from '../api/get-events';
import { useCheckInCode } from '../api/get-check-in-code';
import { useRegistrationsOf } from '../api/get-registrations';
import { KindTag } from '../components/EventTags';
import { MyCodeCard } from '../components/MyCodeCard';
import { ResidentEventCard } from '../components/ResidentEventCard';
import { activeRegistration, formatEventTime, placesText } from '../components/text';

export function EventsPage() {
  const me = useMe();
  return me.role === 'resident' ? <ResidentEvents /> : <ManageEvents />;
}

function ResidentEvents() {
  const { t } = useTranslation();
  const events = useEvents();
  const code = useCheckInCode();
  const rows = events.data ?? [];
  const withRegistration = rows.filter((e) => e.capacity != null);
  const registrations = useRegistrationsOf(withRegistration.map((e) => e.id));
  const mineOf = (event: EventItem) => {
    const i = withRegistration.indexOf(event);
    return i < 0 ? undefined : activeRegistration(registrations[i]?.data ?? [], code.data?.resident_name);
  };
  return (
    <PageShell
      title={t('events.title')}
      intro={t('events.residentIntro')}
      actions={
        <Button size="large" href="#my-code">
          {t('events.myCode')}
        </Button>
      }
      loading={events.isLoading}
      testId="events-page"
      bare
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rows.length === 0 && <Typography.Paragraph>{t('events.none')}</Typography.Paragraph>}
        {rows.map((event) => (
          <ResidentEventCard key={event.id} event={event} mine={mineOf(event)} />
        ))}
        <MyCodeCard />
      </Space>
    </PageShell>
  );
}

function ManageEvents() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const events = useEvents();
  const staff = me.role === 'staff';
  const counts = (e: EventItem) => t('events.counts', { registered: e.registered, waitlisted: e.waitlisted, attended: e.attended });
  const status = (e: EventItem) => (e.status === 'cancelled' ? t('events.calledOff') : placesText(t, e));
  return (
    <PageShell
      title={staff ? t('events.manageTitle') : t('events.title')}
      intro={staff ? undefined : t('events.leaderIntro')}
      actions={
        staff && (
          <LinkButton to="/events/new" type="primary" data-testid="new-event">
            {t('events.publish')}
          </LinkButton>
        )
      }
    >
      <DataList<EventItem>
        rows={events.data ?? []}
        rowKey={(e) => e.id}
        loading={events.isLoading}
        empty={t('events.none')}
        testId="events-list"
        itemTestId="event-row"
        href={(e) => `/events/${e.id}`}
        rowClassName={(e) => (e.status === 'cancelled' ? 'xg-row-alert' : undefined)}
        columns={[
          { title: t('events.eventTitle'), key: 'title', render: (_, e) => <Link to={`/events/${e.id}`}>{e.title}</Link> },
          { title: t('events.kindLabel'), key: 'kind', render: (_, e) => <KindTag kind={e.kind} /> },
          { title: t('events.when'), key: 'when', render: (_, e) => formatEventTime(e.starts_at, e.ends_at, i18n.language) },
          { title: t('events.where'), dataIndex: 'place' },
          { title: t('events.countsLabel'), key: 'counts', render: (_, e) => counts(e) },
          { title: t('events.statusLabel'), key: 'status', render: (_, e) => status(e) },
        ]}
        card={(e) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Link to={`/events/${e.id}`} style={{ fontSize: 18 }}>
              {e.title}
            </Link>
            <span>
              <KindTag kind={e.kind} /> {formatEventTime(e.starts_at, e.ends_at, i18n.language)}
            </span>
            <span>{e.place}</span>
            <span>{counts(e)}</span>
            <Typography.Text strong>{status(e)}</Typography.Text>
          </Space>
        )}
      />
    </PageShell>
  );
}
