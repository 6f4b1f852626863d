// A partner pledges support: against a need (whose category fixes the kind) or on its own.
// One Idempotency-Key per form: a double click or a retry after a lost answer creates one pledge.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useNeed } from '../api/get-need';
import { useCreatePledge } from '../api/create-pledge';
import type { SupportDetails } from '../api/get-pledges';
import { useReportError } from '@/lib/forms';

type Kind = SupportDetails['kind'];
const KIND_OF_CATEGORY: Record<string, Kind> = { money: 'money', venue: 'venue', equipment: 'goods', volunteers: 'volunteer_time', services: 'volunteer_time' };

interface Values {
  kind: Kind;
  amount_yuan?: number;
  items?: { name: string; quantity: number; unit: string }[];
  place?: string;
  slots?: { range: [Dayjs, Dayjs] }[];
  people?: number;
  hours?: number;
  planned_date?: Dayjs;
  note?: string;
}

function toSupport(v: Values): SupportDetails {
  switch (v.kind) {
    case 'money':
      return { kind: 'money', amount_fen: Math.round((v.amount_yuan ?? 0) * 100) };
    case 'goods':
      return { kind: 'goods', items: v.items ?? [] };
    case 'venue':
      return {
        kind: 'venue',
        place: v.place ?? '',
        slots: (v.slots ?? []).map((s) => ({ starts_at: s.range[0].toISOString(), ends_at: s.range[1].toISOString() })),
      };
    case 'volunteer_time':
      return { kind: 'volunteer_time', people: v.people ?? 0, hours: v.hours ?? 0 };
  }
}

export function PledgeFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const needId = params.get('need') ?? undefined;
  const need = useNeed(needId);
  const create = useCreatePledge();
  const [key] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<Values>();
  const fixedKind = need.data ? KIND_OF_CATEGORY[need.data.category] : undefined;
  const kind = (Form.useWatch('kind', form) as Kind | undefined) ?? fixedKind ?? 'money';

  const submit = async (values: Values) => {
    try {
      const pledge = await create.mutateAsync({
        key,
        body: { need_id: needId, support: toSupport({ ...values, kind }), planned_date: values.planned_date?.format('YYYY-MM-DD'), note: values.note },
      });
      message.success(t('support.pledgeSubmitted'));
      navigate(`/pledges/${pledge.id}`);
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <PageShell title={t('support.newPledge')} testId="pledge-form" bare>
      {need.data && (
        <Alert type="info" showIcon message={t('support.pledgeFor', { title: need.data.title })} description={need.data.description || undefined} />
      )}
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: fixedKind ?? 'money', items: [{ unit: '件' }] }} key={fixedKind ?? 'free'}>
          <Form.Item name="kind" label={t('support.kindLabel')}>
            <Select
              disabled={!!fixedKind}
              options={(['money', 'goods', 'venue', 'volunteer_time'] as Kind[]).map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
            />
          </Form.Item>
          {kind === 'money' && (
            <Form.Item name="amount_yuan" label={t('support.amountYuan')} rules={[{ required: true }]}>
              <InputNumber controls={false} min={0.01} precision={2} style={{ width: '100%' }} data-testid="amount" />
            </Form.Item>
          )}
          {kind === 'goods' && (
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, max: 50 }]}>
                        <Input placeholder={t('support.itemName')} aria-label={t('support.itemName')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]}>
                        <InputNumber controls={false} min={1} placeholder={t('support.quantity')} aria-label={t('support.quantity')} style={{ width: 90 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unit']} rules={[{ required: true, max: 10 }]}>
                        <Input placeholder={t('support.unit')} aria-label={t('support.unit')} style={{ width: 64 }} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('support.removeRow')} onClick={() => remove(field.name)} />
                      )}
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ unit: '件' })} icon={<PlusOutlined aria-hidden />} block style={{ marginBottom: 16 }}>
                    {t('support.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
          {kind === 'venue' && (
            <>
              <Form.Item name="place" label={t('support.place')} rules={[{ required: true, max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.List name="slots" initialValue={[{}]}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'range']} rules={[{ required: true }]}>
                          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label={t('support.slot')} />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined aria-hidden />}
                            aria-label={t('support.removeRow')}
                            onClick={() => remove(field.name)}
                          />
                        )}
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined aria-hidden />} block style={{ marginBottom: 16 }}>
                      {t('support.addSlot')}
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          )}
          {kind === 'volunteer_time' && (
            <Space wrap>
              <Form.Item name="people" label={t('support.people')} rules={[{ required: true }]}>
                <InputNumber controls={false} min={1} max={10000} />
              </Form.Item>
              <Form.Item name="hours" label={t('support.hoursEach')} rules={[{ required: true }]}>
                <InputNumber controls={false} min={1} max={1000} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="planned_date" label={t('support.plannedDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('support.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} block data-testid="submit-pledge">
            {t('support.submitPledge')}
          </Button>
        </Form>
      </Card>
    </PageShell>
  );
}
