// 活动: residents see the upcoming events as big cards to register for (themselves or someone of
// their household), and their check-in code; staff and leaders see the list with its counts (staff
// publish from here), or the month's events on a calendar, each leading to the event's page with
// its registrations and the check-in box. Everyone sees the recurring events (the nightly square)
// and the link to subscribe to the community's public calendar.
import { Button, Card, Space, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useEvents, type EventItem } from '../api/get-events';
import { useCheckInCode } from '../api/get-check-in-code';
import { useHousehold } from '../api/get-household';
import { useRegistrationsOf, type Registration } from '../api/get-registrations';
import { AudienceTag, KindTag } from '../components/EventTags';
import { EventsMonth } from '../components/EventsMonth';
import { MyCodeCard } from '../components/MyCodeCard';
import { PublicCalendarCard } from '../components/PublicCalendarCard';
import { RecurringSection } from '../components/RecurringSection';
import { ResidentEventCard, type HouseholdMember } from '../components/ResidentEventCard';
import { activeRegistration, formatEventTime, placesText } from '../components/text';

export function EventsPage() {
  const me = useMe();
  return me.role === 'resident' ? <ResidentEvents /> : <ManageEvents />;
}

function ResidentEvents() {
  const { t } = useTranslation();
  const events = useEvents();
  const code = useCheckInCode();
  const household = useHousehold();
  const rows = events.data ?? [];
  const withRegistration = rows.filter((e) => e.capacity != null);
  const registrations = useRegistrationsOf(withRegistration.map((e) => e.id));
  // The resident signed in, by id (two people of a household may share a name).
  const selfId = code.data?.resident_id;
  const members: HouseholdMember[] = (household.data ?? []).map((r) => ({ id: r.id, name: r.name, self: r.id === selfId }));
  const registrationsOf = (event: EventItem): { mine?: Registration; others: Registration[] } => {
    const i = withRegistration.indexOf(event);
    const list = i < 0 ? [] : (registrations[i]?.data ?? []);
    const mine = activeRegistration(list, selfId);
    return { mine, others: list.filter((r) => r.status !== 'cancelled' && r !== mine) };
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
        {rows.map((event) => {
          const { mine, others } = registrationsOf(event);
          return <ResidentEventCard key={event.id} event={event} mine={mine} others={others} household={members} />;
        })}
        <RecurringSection />
        <MyCodeCard />
        <PublicCalendarCard />
      </Space>
    </PageShell>
  );
}

function EventsList() {
  const { t, i18n } = useTranslation();
  const events = useEvents();
  const counts = (e: EventItem) => t('events.counts', { registered: e.registered, waitlisted: e.waitlisted, attended: e.attended });
  const status = (e: EventItem) => (e.status === 'cancelled' ? t('events.calledOff') : placesText(t, e));
  return (
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
        {
          title: t('events.kindLabel'),
          key: 'kind',
          render: (_, e) => (
            <Space size={4} wrap>
              <KindTag kind={e.kind} />
              <AudienceTag event={e} />
            </Space>
          ),
        },
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
            <KindTag kind={e.kind} />
            <AudienceTag event={e} /> {formatEventTime(e.starts_at, e.ends_at, i18n.language)}
          </span>
          <span>{e.place}</span>
          <span>{counts(e)}</span>
          <Typography.Text strong>{status(e)}</Typography.Text>
        </Space>
      )}
    />
  );
}

const VIEWS = ['list', 'month'] as const;

function ManageEvents() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = me.role === 'staff';
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'list';
  const show = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'list') {
      next.delete('view');
      next.delete('month');
    } else next.set('view', key);
    setParams(next, { replace: true });
  };
  return (
    <PageShell
      title={staff ? t('events.manageTitle') : t('events.title')}
      intro={staff ? undefined : t('events.leaderIntro')}
      testId="events-page"
      bare
      actions={
        staff && (
          <LinkButton to="/events/new" type="primary" data-testid="new-event">
            {t('events.publish')}
          </LinkButton>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Tabs
            activeKey={view}
            onChange={show}
            items={[
              { key: 'list', label: <span data-testid="view-list">{t('events.listView')}</span>, children: <EventsList /> },
              { key: 'month', label: <span data-testid="view-month">{t('events.monthView')}</span>, children: <EventsMonth /> },
            ]}
          />
        </Card>
        <RecurringSection />
        <PublicCalendarCard />
      </Space>
    </PageShell>
  );
}
