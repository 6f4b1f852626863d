// A team's equipment (器材): what, worth how much, bought by the community or given by a partner
// (from a goods pledge). Staff add to it; a partner's pledge is chosen by the partner's name.
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { useReportError } from '@/lib/forms';
import type { Equipment, TeamDetail } from '../api/get-teams';
import { useAddEquipment } from '../api/add-equipment';
import { useGoodsPledges, type Pledge } from '../api/get-goods-pledges';
import { formatYuan } from './text';

export function EquipmentCard({ team, staff }: { team: TeamDetail; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const value = (e: Equipment) => (e.value_yuan == null ? '—' : t('teams.yuan', { value: formatYuan(e.value_yuan, i18n.language) }));
  const source = (e: Equipment) => (e.given_by ? t('teams.givenBy', { partner: e.given_by }) : t('teams.bought'));
  return (
    <Card title={t('teams.equipmentTitle')} data-testid="equipment">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <DataList<Equipment>
          rows={team.equipment}
          rowKey={(e) => e.id}
          empty={t('teams.noEquipment')}
          itemTestId="equipment-row"
          columns={[
            { title: t('teams.equipmentName'), dataIndex: 'name' },
            { title: t('teams.value'), key: 'value', render: (_, e) => value(e) },
            { title: t('teams.source'), key: 'source', render: (_, e) => source(e) },
            { title: t('teams.note'), key: 'note', render: (_, e) => e.note || '—' },
          ]}
          card={(e) => (
            <Space direction="vertical" size={2}>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {e.name}
              </Typography.Text>
              <span>
                {t('teams.value')}：{value(e)}
              </span>
              <span>{source(e)}</span>
              {e.note && <span>{e.note}</span>}
            </Space>
          )}
        />
        {staff && <AddEquipment teamId={team.id} />}
      </Space>
    </Card>
  );
}

interface Values {
  name: string;
  value_yuan?: number | null;
  pledge_id?: string;
  note?: string;
}

/** A goods pledge in one line: the partner, and what they gave. */
export function pledgeLabel(p: Pledge, separator: string): string {
  const items = p.support.kind === 'goods' ? p.support.items.map((i) => `${i.name} ${i.quantity} ${i.unit}`).join(separator) : '';
  return items ? `${p.partner_name}：${items}` : p.partner_name;
}

function AddEquipment({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const add = useAddEquipment();
  const pledges = useGoodsPledges();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      data-testid="add-equipment-form"
      onFinish={(v) =>
        add.mutate(
          { teamId, body: { name: v.name.trim(), value_yuan: v.value_yuan ?? null, pledge_id: v.pledge_id ?? null, note: v.note?.trim() ?? '' } },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('teams.equipmentAdded'));
            },
            onError: (e) => report(e, form),
          },
        )
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('teams.addEquipment')}
      </Typography.Title>
      <Form.Item name="name" label={t('teams.equipmentName')} rules={[{ required: true, whitespace: true, message: t('teams.equipmentNameRequired') }]}>
        <Input size="large" maxLength={100} data-testid="equipment-name" />
      </Form.Item>
      <Form.Item name="value_yuan" label={t('teams.valueOptional')}>
        <InputNumber
          size="large"
          min={0}
          max={10_000_000}
          precision={0}
          addonAfter={t('teams.yuanUnit')}
          style={{ width: '100%' }}
          data-testid="equipment-value"
        />
      </Form.Item>
      <Form.Item name="pledge_id" label={t('teams.fromPledge')} extra={t('teams.fromPledgeHint')}>
        <Select
          size="large"
          allowClear
          loading={pledges.isLoading}
          placeholder={t('teams.boughtPlaceholder')}
          options={(pledges.data ?? []).map((p) => ({ value: p.id, label: pledgeLabel(p, t('teams.listSeparator')) }))}
          notFoundContent={t('teams.noGoodsPledges')}
          data-testid="equipment-pledge"
        />
      </Form.Item>
      <Form.Item name="note" label={t('teams.note')}>
        <Input size="large" maxLength={500} data-testid="equipment-note" />
      </Form.Item>
      <Button size="large" htmlType="submit" loading={add.isPending} data-testid="add-equipment">
        {t('teams.add')}
      </Button>
    </Form>
  );
}
