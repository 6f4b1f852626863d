// One upcoming event for a resident, as a big card: what, when (Shanghai time), where, places, a
// called-off notice with its reason, and 我要报名 / 取消报名 with where their registration stands.
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';
import { useRegister } from '../api/create-registration';
import { useCancelRegistration } from '../api/delete-registration';
import { KindTag, RegistrationTag } from './EventTags';
import { formatEventTime, placesText, registrationOpen } from './text';

export function ResidentEventCard({ event, mine }: { event: EventItem; mine?: Registration }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const register = useRegister();
  const cancel = useCancelRegistration();
  const cancelled = event.status === 'cancelled';
  const open = registrationOpen(event);

  const onRegister = () =>
    register.mutate(
      { eventId: event.id },
      {
        onSuccess: (r) => void message.success(r.status === 'waitlisted' ? t('events.waitlistedDone') : t('events.registeredDone')),
        onError: (e) => report(e),
      },
    );
  const onCancel = () => {
    if (!mine) return;
    modal.confirm({
      title: t('events.cancelRegistrationConfirm', { title: event.title }),
      okText: t('events.cancelRegistration'),
      cancelText: t('events.keep'),
      onOk: () =>
        cancel.mutateAsync({ eventId: event.id, registrationId: mine.id }).then(
          () => void message.success(t('events.cancelledDone')),
          (e: unknown) => report(e),
        ),
    });
  };

  return (
    <Card data-testid="event-card" className={cancelled ? 'xg-row-alert' : undefined}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <KindTag kind={event.kind} />
          {mine && <RegistrationTag status={mine.status} walkIn={mine.walk_in} />}
        </Space>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 22, overflowWrap: 'anywhere' }}>
          {event.title}
        </Typography.Title>
        <Typography.Text style={{ fontSize: 18 }}>
          {t('events.when')}：{formatEventTime(event.starts_at, event.ends_at, i18n.language)}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 18 }}>
          {t('events.where')}：{event.place}
        </Typography.Text>
        {event.description && <Typography.Paragraph style={{ margin: 0 }}>{event.description}</Typography.Paragraph>}
        {cancelled ? (
          <Alert
            type="warning"
            showIcon
            message={t('events.calledOff')}
            description={event.cancel_reason ? t('events.reasonIs', { reason: event.cancel_reason }) : undefined}
            data-testid="called-off"
          />
        ) : (
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="places">
            {placesText(t, event)}
          </Typography.Text>
        )}
        {mine?.status === 'waitlisted' && !cancelled && <Typography.Text>{t('events.waitlistedHint')}</Typography.Text>}
        {!cancelled && mine && (mine.status === 'registered' || mine.status === 'waitlisted') && (
          <Button size="large" block onClick={onCancel} loading={cancel.isPending} data-testid="cancel-registration">
            {t('events.cancelRegistration')}
          </Button>
        )}
        {!mine && open && (
          <Button type="primary" size="large" block onClick={onRegister} loading={register.isPending} data-testid="register">
            {(event.places_left ?? 0) > 0 ? t('events.register') : t('events.joinWaitlist')}
          </Button>
        )}
        {!mine && !open && !cancelled && event.capacity != null && <Typography.Text type="secondary">{t('events.registrationClosed')}</Typography.Text>}
      </Space>
    </Card>
  );
}
