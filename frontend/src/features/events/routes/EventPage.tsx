// An event for staff and leaders: what and when, who may come, the counts, its registrations (a
// leader sees their group's), registering a resident (a leader: one of their group) and the
// check-in box; staff can call it off with a reason.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { useEvent } from '../api/get-event';
import { useRegistrations, type Registration } from '../api/get-registrations';
import { useCancelEvent } from '../api/cancel-event';
import { CheckInBox } from '../components/CheckInBox';
import { AudienceTag, KindTag, RegistrationTag } from '../components/EventTags';
import { RegisterResidentCard } from '../components/RegisterResidentCard';
import { VenueNote } from '../components/VenuePledgeSelect';
import { formatEventTime, placesText, registrationOpen, waitingPosition } from '../components/text';

export function EventPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const staff = me.role === 'staff';
  const event = useEvent(id);
  const registrations = useRegistrations(id);
  const [calling, setCalling] = useState(false);
  const e = event.data;
  const rows = registrations.data ?? [];
  const statusOf = (r: Registration) => {
    const position = staff && r.status === 'waitlisted' ? waitingPosition(rows, r.id) : undefined;
    return (
      <Space size={4} wrap>
        <RegistrationTag status={r.status} walkIn={r.walk_in} />
        {position && <span>{t('events.position', { position })}</span>}
      </Space>
    );
  };
  const checkedIn = (r: Registration) => (r.checked_in_at ? formatDateTime(r.checked_in_at, i18n.language) : '—');

  return (
    <PageShell
      title={e?.title ?? t('events.title')}
      loading={event.isLoading}
      testId="event-page"
      bare
      actions={
        staff &&
        e?.status === 'scheduled' && (
          <Button danger onClick={() => setCalling(true)} data-testid="call-off">
            {t('events.callOff')}
          </Button>
        )
      }
    >
      {e && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            {e.status === 'cancelled' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('events.calledOff')}
                description={e.cancel_reason ? t('events.reasonIs', { reason: e.cancel_reason }) : undefined}
                data-testid="called-off"
              />
            )}
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('events.kindLabel')}>
                <KindTag kind={e.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('events.when')}>{formatEventTime(e.starts_at, e.ends_at, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('events.where')}>
                <Space direction="vertical" size={0}>
                  <span>{e.place}</span>
                  {staff && e.venue_pledge_id && <VenueNote pledgeId={e.venue_pledge_id} />}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('events.audienceLabel')}>
                {e.audience === 'all' ? t('events.audience.all') : <AudienceTag event={e} />}
              </Descriptions.Item>
              <Descriptions.Item label={t('events.statusLabel')}>{placesText(t, e)}</Descriptions.Item>
              <Descriptions.Item label={t('events.countsLabel')}>
                <span data-testid="event-counts">{t('events.counts', { registered: e.registered, waitlisted: e.waitlisted, attended: e.attended })}</span>
              </Descriptions.Item>
              {e.description && <Descriptions.Item label={t('events.description')}>{e.description}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {registrationOpen(e) && <RegisterResidentCard eventId={e.id} full={(e.places_left ?? 0) <= 0} />}
          {e.status === 'scheduled' && <CheckInBox eventId={e.id} />}
          <Card title={staff ? t('events.registrations') : t('events.groupRegistrations')}>
            <DataList<Registration>
              rows={rows}
              rowKey={(r) => r.id}
              loading={registrations.isLoading}
              empty={t('events.noRegistrations')}
              testId="registrations"
              itemTestId="registration-row"
              columns={[
                { title: t('events.residentName'), dataIndex: 'resident_name' },
                { title: t('events.statusLabel'), key: 'status', render: (_, r) => statusOf(r) },
                { title: t('events.registeredAt'), key: 'created', render: (_, r) => formatDateTime(r.created_at, i18n.language) },
                { title: t('events.checkedInAt'), key: 'checked', render: (_, r) => checkedIn(r) },
              ]}
              card={(r) => (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{r.resident_name}</Typography.Text>
                  {statusOf(r)}
                  {r.checked_in_at && (
                    <span>
                      {t('events.checkedInAt')}：{checkedIn(r)}
                    </span>
                  )}
                </Space>
              )}
            />
          </Card>
          {staff && <CallOffModal open={calling} onClose={() => setCalling(false)} id={e.id} version={e.version} title={e.title} />}
        </Space>
      )}
    </PageShell>
  );
}

function CallOffModal({ open, onClose, id, version, title }: { open: boolean; onClose: () => void; id: string; version: number; title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const cancel = useCancelEvent();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('events.callOffTitle', { title })}
      okText={t('events.callOff')}
      okButtonProps={{ danger: true, loading: cancel.isPending }}
      cancelText={t('events.keep')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          cancel.mutate(
            { id, reason, version },
            {
              onSuccess: () => {
                void message.success(t('events.calledOffDone'));
                onClose();
              },
              onError: (err) => report(err, form),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('events.reason')}
          extra={t('events.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('events.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} data-testid="call-off-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
