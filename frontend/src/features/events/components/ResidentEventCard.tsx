// One upcoming event for a resident, as a big card: what, when (Shanghai time), where, who may
// come (仅限党员 …), places, a called-off notice with its reason, and 我要报名 / 取消报名 with where
// their registration stands. When the household has more than one person, 为家人报名 asks 为谁报名
// (older people are often registered by family), and the family's registrations are listed too.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFocusOnChange } from '@/components/focus';
import { useReportError } from '@/lib/forms';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';
import { useRegister } from '../api/create-registration';
import { useCancelRegistration } from '../api/delete-registration';
import { AudienceTag, KindTag, RegistrationTag } from './EventTags';
import { formatEventTime, placesText, registrationOpen } from './text';

/** A person of the resident's household; `self` is the resident signed in. */
export interface HouseholdMember {
  id: string;
  name: string;
  self: boolean;
}

const live = (r: Registration) => r.status === 'registered' || r.status === 'waitlisted';

export function ResidentEventCard({
  event,
  mine,
  household = [],
  others = [],
}: {
  event: EventItem;
  /** The resident's own registration (not cancelled). */
  mine?: Registration;
  /** Everyone in the household, the resident too; a choice of whom to register when more than one. */
  household?: HouseholdMember[];
  /** The other household members' registrations (not cancelled). */
  others?: Registration[];
}) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const register = useRegister();
  const cancel = useCancelRegistration();
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const cancelled = event.status === 'cancelled';
  const open = registrationOpen(event);
  const family = household.length > 1;
  const taken = new Set([...others, ...(mine ? [mine] : [])].filter((r) => r.status !== 'cancelled').map((r) => r.resident_id));
  // Family members who could still be registered (oneself is 我要报名, one tap).
  const candidates = family ? household.filter((m) => !m.self && !taken.has(m.id)) : [];
  const withPlaces = (event.places_left ?? 0) > 0;
  // 我要报名 and 取消报名 take each other's place: the focus follows from one to the other.
  const action = useRef<HTMLButtonElement | HTMLAnchorElement>(null);
  useFocusOnChange(!!mine && live(mine), action);

  const registerFor = (member?: HouseholdMember) =>
    register.mutate(
      { eventId: event.id, residentId: member && !member.self ? member.id : undefined },
      {
        onSuccess: (r) => {
          setChoosing(false);
          const forOther = member && !member.self;
          if (r.status === 'waitlisted') void message.success(forOther ? t('events.waitlistedFor', { name: r.resident_name }) : t('events.waitlistedDone'));
          else void message.success(forOther ? t('events.registeredFor', { name: r.resident_name }) : t('events.registeredDone'));
        },
        onError: (e) => report(e),
      },
    );
  const onRegisterFamily = () => {
    setChosen(candidates[0]?.id);
    setChoosing(true);
  };
  const onCancel = (registration: Registration, self: boolean) => {
    modal.confirm({
      title: self
        ? t('events.cancelRegistrationConfirm', { title: event.title })
        : t('events.cancelFamilyConfirm', { name: registration.resident_name, title: event.title }),
      okText: t('events.cancelRegistration'),
      cancelText: t('events.keep'),
      onOk: () =>
        cancel.mutateAsync({ eventId: event.id, registrationId: registration.id }).then(
          () => void message.success(t('events.cancelledDone')),
          (e: unknown) => report(e),
        ),
    });
  };
  const shownOthers = others.filter((r) => r.status !== 'cancelled');

  return (
    <Card data-testid="event-card" className={cancelled ? 'xg-row-alert' : undefined}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <KindTag kind={event.kind} />
          <AudienceTag event={event} />
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
        {!cancelled && mine && live(mine) && (
          <Button ref={action} size="large" block onClick={() => onCancel(mine, true)} loading={cancel.isPending} data-testid="cancel-registration">
            {t('events.cancelRegistration')}
          </Button>
        )}
        {shownOthers.length > 0 && (
          <div data-testid="family-registrations">
            <Typography.Text type="secondary">{t('events.familyRegistered')}</Typography.Text>
            {shownOthers.map((r) => (
              <div key={r.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 6 }} data-testid="family-registration">
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {r.resident_name}
                </Typography.Text>
                <RegistrationTag status={r.status} walkIn={r.walk_in} />
                {!cancelled && live(r) && (
                  <Button
                    onClick={() => onCancel(r, false)}
                    aria-label={t('events.cancelFor', { name: r.resident_name })}
                    data-testid="cancel-family-registration"
                  >
                    {t('events.cancelRegistration')}
                  </Button>
                )}
              </div>
            ))}
          </div>
        )}
        {open && !mine && (
          <Button ref={action} type="primary" size="large" block onClick={() => registerFor()} loading={register.isPending && !choosing} data-testid="register">
            {withPlaces ? t('events.register') : t('events.joinWaitlist')}
          </Button>
        )}
        {open && candidates.length > 0 && (
          <Button size="large" block onClick={onRegisterFamily} data-testid="register-family">
            {t('events.registerFamily')}
          </Button>
        )}
        {!mine && !open && !cancelled && event.capacity != null && <Typography.Text type="secondary">{t('events.registrationClosed')}</Typography.Text>}
      </Space>
      <Modal
        open={choosing}
        title={t('events.whoComes')}
        okText={withPlaces ? t('events.register') : t('events.joinWaitlist')}
        okButtonProps={{ size: 'large', loading: register.isPending, disabled: !chosen, 'data-testid': 'who-confirm' } as ButtonProps}
        cancelButtonProps={{ size: 'large' }}
        cancelText={t('events.notNow')}
        onCancel={() => setChoosing(false)}
        onOk={() => registerFor(candidates.find((m) => m.id === chosen))}
        destroyOnHidden
      >
        <Typography.Paragraph>{event.title}</Typography.Paragraph>
        <Radio.Group
          value={chosen}
          onChange={(e) => setChosen(e.target.value as string)}
          aria-label={t('events.whoComes')}
          style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
          data-testid="who-comes"
        >
          {candidates.map((m) => (
            <Radio key={m.id} value={m.id} style={{ fontSize: 18 }}>
              {m.name}
            </Radio>
          ))}
        </Radio.Group>
      </Modal>
    </Card>
  );
}
