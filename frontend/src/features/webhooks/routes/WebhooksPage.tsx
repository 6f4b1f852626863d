// A partner's webhook endpoints: register (the signing secret is shown once), pause, rotate
// the secret, and read each endpoint's delivery log with a re-send for failed deliveries.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Collapse, Empty, Form, Input, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useCreateEndpoint } from '../api/create-endpoint';
import { EVENT_TYPES, useEndpoints, type EventType } from '../api/get-endpoints';
import { useRotateEndpointSecret } from '../api/rotate-endpoint-secret';
import { useSetEndpointEnabled } from '../api/update-endpoint';
import { useSendTestEvent } from '../api/send-test-event';
import { DeliveryLog } from '../components/DeliveryLog';
import { EventLabel } from '../components/EventLabel';
import { SecretModal } from '@/components/SecretModal';
import { useReportError } from '@/lib/forms';

export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const endpoints = useEndpoints();
  const create = useCreateEndpoint();
  const setEnabled = useSetEndpointEnabled();
  const rotate = useRotateEndpointSecret();
  const sendTest = useSendTestEvent();
  const [form] = Form.useForm<{ url: string; events: EventType[]; description?: string }>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (v: { url: string; events: EventType[]; description?: string }) => {
    try {
      const created = await create.mutateAsync({ key, ...v });
      setSecret(created.secret);
      setKey(crypto.randomUUID());
      form.resetFields();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <PageShell title={t('support.webhooksTitle')} intro={t('support.webhooksIntro')} testId="webhooks-page" bare>
      <Card size="small" title={t('support.newEndpoint')}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ events: ['pledge.accepted', 'pledge.declined', 'pledge.fulfilled'] }}>
          <Form.Item
            name="url"
            label={t('support.endpointUrl')}
            rules={[
              { required: true, max: 500 },
              { pattern: /^https:\/\//i, message: t('support.httpsOnly'), warningOnly: true },
            ]}
            extra={t('support.httpsOnly')}
          >
            <Input placeholder="https://example.com/hooks/xingguang" />
          </Form.Item>
          <Form.Item
            name="events"
            label={t('support.events')}
            // A validator rather than `required`: a checkbox group may not carry aria-required.
            rules={[{ validator: (_, v: EventType[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('support.eventsRequired')))) }]}
          >
            <Checkbox.Group options={EVENT_TYPES.map((e) => ({ value: e, label: <EventLabel type={e} /> }))} style={{ display: 'grid', gap: 8 }} />
          </Form.Item>
          <Form.Item name="description" label={t('support.description')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('support.addEndpoint')}
          </Button>
        </Form>
      </Card>
      {(endpoints.data ?? []).length === 0 && !endpoints.isLoading && <Empty description={t('support.noEndpoints')} />}
      {(endpoints.data ?? []).map((e) => (
        <Card
          key={e.id}
          size="small"
          title={<Typography.Text style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{e.url}</Typography.Text>}
          extra={
            <Switch
              aria-label={t('support.endpointEnabled')}
              checked={e.enabled}
              onChange={(enabled) => setEnabled.mutateAsync({ id: e.id, version: e.version, enabled }).catch((err: unknown) => report(err))}
            />
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {e.events.map((ev) => (
                <Tag key={ev}>
                  <EventLabel type={ev} />
                </Tag>
              ))}
            </Space>
            {e.description && <Typography.Text type="secondary">{e.description}</Typography.Text>}
            <Space wrap>
              <Popconfirm
                title={t('support.rotateSecretConfirm')}
                onConfirm={() =>
                  rotate.mutateAsync({ id: e.id, key: crypto.randomUUID() }).then(
                    (r) => setSecret(r.secret),
                    (err: unknown) => report(err),
                  )
                }
              >
                <Button size="small">{t('support.rotateSecret')}</Button>
              </Popconfirm>
              <Button
                size="small"
                disabled={!e.enabled}
                data-testid="send-test"
                onClick={() =>
                  sendTest.mutateAsync({ id: e.id, key: crypto.randomUUID() }).then(
                    () => message.success(t('support.testQueued')),
                    (err: unknown) => report(err),
                  )
                }
              >
                {t('support.sendTest')}
              </Button>
            </Space>
            <Collapse size="small" items={[{ key: 'log', label: t('support.deliveryLog'), children: <DeliveryLog endpoint={e} /> }]} />
          </Space>
        </Card>
      ))}
      <SecretModal
        title={t('support.signingSecret')}
        label={t('support.signingSecret')}
        secret={secret}
        extra={t('support.signingSecretHint')}
        onClose={() => setSecret(null)}
      />
    </PageShell>
  );
}
