import { Button, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../api/get-audit';

/** Actions the platform records today; the filter also takes any other action name. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.refresh_reused',
  'user.create',
  'resident.reveal',
  'resident.create',
  'resident.update',
  'resident.status',
  'household.create',
  'household.update',
  'group.create',
  'group.update',
  'registry.import',
  'registry.export',
  'partner.create',
  'partner.update',
  'partner.reveal',
  'api_client.create',
  'api_client.rotate',
  'api_client.revoke',
  'api_client.token_refused',
  'need.create',
  'need.update',
  'pledge.create',
  'pledge.accept',
  'pledge.decline',
  'pledge.withdraw',
  'pledge.deliver',
  'webhook_endpoint.create',
  'webhook_endpoint.update',
  'webhook_endpoint.rotate_secret',
  'webhook_endpoint.delete',
  'webhook_delivery.resend',
];

/** The kinds of record the log names. */
export const ENTITY_TYPES = [
  'user',
  'resident',
  'household',
  'resident_group',
  'registry_import',
  'partner_unit',
  'api_client',
  'need',
  'pledge',
  'webhook_endpoint',
  'webhook_delivery',
];

interface FormValues {
  action?: string;
  entity_type?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFiltersBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const apply = (values: FormValues) => {
    const [from, to] = values.range ?? [];
    onChange({
      action: values.action || undefined,
      entity_type: values.entity_type || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch
          style={{ minWidth: 200 }}
          placeholder={t('audit.anyAction')}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`, { defaultValue: a }) }))}
          data-testid="audit-action-filter"
        />
      </Form.Item>
      <Form.Item name="entity_type" label={t('audit.entity')}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('audit.anyEntity')}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entities.${e}`, { defaultValue: e }) }))}
          data-testid="audit-entity-filter"
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 220, maxWidth: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('audit.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Space>
    </Form>
  );
}
