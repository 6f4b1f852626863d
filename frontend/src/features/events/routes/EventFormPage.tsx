// 发布活动 (staff): kind, title, place (a venue a partner lends, if any), start and end (Shanghai
// time), who may register (everyone, Party members, or one team's members), an optional capacity —
// no capacity means no registration, heads are counted at the door — and when registration closes.
import { Alert, App, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useReportError } from '@/lib/forms';
import { AUDIENCES, EVENT_KINDS, type Audience, type EventKind } from '../api/get-events';
import { useCreateEvent } from '../api/create-event';
import { useTeams } from '../api/get-teams';
import { VenuePledgeSelect } from '../components/VenuePledgeSelect';
import { shanghaiDateTime } from '../components/text';

interface Values {
  kind: EventKind;
  title: string;
  description?: string;
  place: string;
  starts_at: string;
  ends_at: string;
  capacity?: number | null;
  registration_closes_at?: string;
  audience: Audience;
  team_id?: string;
  venue_pledge_id?: string | null;
}

export function EventFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const create = useCreateEvent();
  const [form] = Form.useForm<Values>();
  const capacity = Form.useWatch('capacity', form) as number | null | undefined;
  const audience = (Form.useWatch('audience', form) as Audience | undefined) ?? 'all';
  const teams = useTeams(audience === 'team');

  const onFinish = (v: Values) =>
    create.mutate(
      {
        kind: v.kind,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        place: v.place.trim(),
        starts_at: shanghaiDateTime(v.starts_at),
        ends_at: shanghaiDateTime(v.ends_at),
        capacity: v.capacity ?? null,
        registration_closes_at: v.registration_closes_at ? shanghaiDateTime(v.registration_closes_at) : null,
        audience: v.audience,
        team_id: v.audience === 'team' ? v.team_id : null,
        venue_pledge_id: v.venue_pledge_id ?? null,
      },
      {
        onSuccess: (e) => {
          void message.success(t('events.published'));
          navigate(`/events/${e.id}`);
        },
        onError: (e) => report(e, form),
      },
    );

  const required = (label: string) => [{ required: true, whitespace: true, message: t('events.required', { field: label }) }];
  return (
    <PageShell title={t('events.publish')} testId="event-form">
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'lecture', audience: 'all' }} style={{ maxWidth: 560 }}>
        <Form.Item name="kind" label={t('events.kindLabel')} rules={[{ required: true }]}>
          <Select size="large" options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} data-testid="event-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('events.eventTitle')} rules={required(t('events.eventTitle'))}>
          <Input size="large" maxLength={100} data-testid="event-title" />
        </Form.Item>
        <Form.Item name="venue_pledge_id" label={t('events.venue')} extra={t('events.venueHint')}>
          <VenuePledgeSelect onPicked={(venue) => !form.getFieldValue('place') && form.setFieldValue('place', venue.place)} />
        </Form.Item>
        <Form.Item name="place" label={t('events.where')} rules={required(t('events.where'))}>
          <Input size="large" maxLength={100} data-testid="event-place" />
        </Form.Item>
        <Form.Item name="starts_at" label={t('events.startsAt')} extra={t('events.timeHint')} rules={required(t('events.startsAt'))}>
          <Input size="large" type="datetime-local" data-testid="event-starts" />
        </Form.Item>
        <Form.Item
          name="ends_at"
          label={t('events.endsAt')}
          dependencies={['starts_at']}
          rules={[
            ...required(t('events.endsAt')),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || !getFieldValue('starts_at') || value > (getFieldValue('starts_at') as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('events.endAfterStart'))),
            }),
          ]}
        >
          <Input size="large" type="datetime-local" data-testid="event-ends" />
        </Form.Item>
        <Form.Item name="audience" label={t('events.audienceLabel')}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="event-audience">
            {AUDIENCES.map((a) => (
              <Radio key={a} value={a}>
                {t(`events.audience.${a}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {audience === 'team' && (
          <Form.Item name="team_id" label={t('events.team')} rules={[{ required: true, message: t('events.teamRequired') }]}>
            <Select
              size="large"
              loading={teams.isLoading}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              notFoundContent={t('events.noTeams')}
              data-testid="event-team"
            />
          </Form.Item>
        )}
        <Form.Item name="capacity" label={t('events.capacity')} extra={t('events.capacityHint')}>
          <InputNumber size="large" min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="event-capacity" />
        </Form.Item>
        {capacity != null && (
          <Form.Item name="registration_closes_at" label={t('events.closesAt')} extra={t('events.closesAtHint')}>
            <Input size="large" type="datetime-local" />
          </Form.Item>
        )}
        {capacity == null && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('events.noCapacityNote')} />}
        <Form.Item name="description" label={t('events.description')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} data-testid="submit-event">
          {t('events.publish')}
        </Button>
      </Form>
    </PageShell>
  );
}
