// One pledge: what, from whom, its history and deliveries. Staff accept or decline a submitted
// pledge and record deliveries of an accepted one; the partner may withdraw it before a decision.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Spin, Switch, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { DataList } from '@/components/DataList';
import { useMe } from '@/lib/session';
import { formatDate, formatDateTime } from '@/lib/format';
import { NotFound } from '@/components/NotFound';
import { ApiProblem } from '@/api/problem';
import { useAcceptPledge } from '../api/accept-pledge';
import { useDeclinePledge } from '../api/decline-pledge';
import { usePledge, type PledgeDetail } from '../api/get-pledge';
import { useRecordDelivery } from '../api/record-delivery';
import { useWithdrawPledge } from '../api/withdraw-pledge';
import { PledgeStatusTag } from '../components/StatusTag';
import { useReportError } from '@/lib/forms';
import { describeSupport, formatQuantity, unitOfKind } from '../components/text';

function DeliveryModal({ pledge, open, onClose }: { pledge: PledgeDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm();
  const record = useRecordDelivery();
  const kind = pledge.support.kind;
  const submit = async (v: {
    delivered_on?: Dayjs;
    amount_yuan?: number;
    pieces?: number;
    item?: string;
    slots?: number;
    person_hours?: number;
    receipt_number?: string;
    note?: string;
    complete?: boolean;
  }) => {
    const itemName = pledge.support.kind === 'goods' ? (pledge.support.items[0]?.name ?? '') : '';
    const itemUnit = pledge.support.kind === 'goods' ? (pledge.support.items[0]?.unit ?? '件') : '件';
    try {
      await record.mutateAsync({
        id: pledge.id,
        body: {
          delivered_on: v.delivered_on?.format('YYYY-MM-DD'),
          amount_fen: kind === 'money' ? Math.round((v.amount_yuan ?? 0) * 100) : undefined,
          items: kind === 'goods' ? [{ name: v.item || itemName, quantity: v.pieces ?? 0, unit: itemUnit }] : undefined,
          slots: kind === 'venue' ? v.slots : undefined,
          person_hours: kind === 'volunteer_time' ? v.person_hours : undefined,
          receipt_number: v.receipt_number,
          note: v.note,
          complete: v.complete,
        },
      });
      message.success(t('support.deliveryRecorded'));
      form.resetFields();
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  const remaining = Math.max(0, pledge.quantity - pledge.delivered_quantity);
  return (
    <Modal open={open} title={t('support.recordDelivery')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ amount_yuan: kind === 'money' ? remaining / 100 : undefined, pieces: remaining, slots: remaining, person_hours: remaining }}
      >
        {kind === 'money' && (
          <Form.Item name="amount_yuan" label={t('support.amountReceived')} rules={[{ required: true }]}>
            <InputNumber controls={false} min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'goods' && (
          <Space wrap>
            <Form.Item name="item" label={t('support.itemName')}>
              <Input placeholder={pledge.support.kind === 'goods' ? pledge.support.items[0]?.name : ''} />
            </Form.Item>
            <Form.Item name="pieces" label={t('support.quantity')} rules={[{ required: true }]}>
              <InputNumber controls={false} min={1} />
            </Form.Item>
          </Space>
        )}
        {kind === 'venue' && (
          <Form.Item name="slots" label={t('support.slotsUsed')} rules={[{ required: true }]}>
            <InputNumber controls={false} min={1} />
          </Form.Item>
        )}
        {kind === 'volunteer_time' && (
          <Form.Item name="person_hours" label={t('support.hoursServed')} rules={[{ required: true }]}>
            <InputNumber controls={false} min={1} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="delivered_on" label={t('support.deliveredOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="receipt_number" label={t('support.receiptNumber')} rules={[{ max: 60 }]}>
            <Input data-testid="receipt-number" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('support.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="complete" label={t('support.markFulfilled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PledgePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const pledge = usePledge(id);
  const accept = useAcceptPledge();
  const decline = useDeclinePledge();
  const withdraw = useWithdrawPledge();
  const [withdrawKey] = useState(() => crypto.randomUUID());
  const [declining, setDeclining] = useState(false);
  const [delivering, setDelivering] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportError();
  if (pledge.isLoading) return <Spin />;
  if (pledge.error instanceof ApiProblem && pledge.error.status === 404) return <NotFound />;
  const p = pledge.data;
  if (!p) return <Alert type="error" message={t('problems.unknown')} />;
  const fmt = (n: number) => formatQuantity(t, i18n.language, unitOfKind(p.support.kind), n);
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (error) {
      report(error);
    }
  };
  const isStaff = me.role === 'staff';
  return (
    <PageShell title={t('support.pledgeFrom', { partner: p.partner_name })} actions={<PledgeStatusTag status={p.status} />} testId="pledge-page" bare>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('support.need')}>{p.need_id ? <Link to={`/needs`}>{p.need_title}</Link> : t('support.ownInitiative')}</Descriptions.Item>
          <Descriptions.Item label={t('support.kindLabel')}>{t(`support.kind.${p.support.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('support.content')}>{describeSupport(t, i18n.language, p.support)}</Descriptions.Item>
          <Descriptions.Item label={t('support.delivered')}>
            <span data-testid="delivered">{`${fmt(p.delivered_quantity)} / ${fmt(p.quantity)}`}</span>
          </Descriptions.Item>
          {p.planned_date && <Descriptions.Item label={t('support.plannedDate')}>{formatDate(p.planned_date, i18n.language)}</Descriptions.Item>}
          {p.note && <Descriptions.Item label={t('support.note')}>{p.note}</Descriptions.Item>}
          {p.decline_reason && <Descriptions.Item label={t('support.declineReason')}>{p.decline_reason}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {isStaff && p.status === 'submitted' && (
            <>
              <Button
                type="primary"
                data-testid="accept-pledge"
                loading={accept.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('support.acceptConfirm'),
                    okText: t('support.accept'),
                    onOk: () => run(() => accept.mutateAsync({ id: p.id, version: p.version }), t('support.accepted')),
                  })
                }
              >
                {t('support.accept')}
              </Button>
              <Button danger onClick={() => setDeclining(true)} data-testid="decline-pledge">
                {t('support.decline')}
              </Button>
            </>
          )}
          {isStaff && p.status === 'accepted' && (
            <Button type="primary" onClick={() => setDelivering(true)} data-testid="record-delivery">
              {t('support.recordDelivery')}
            </Button>
          )}
          {me.role === 'partner' && p.status === 'submitted' && (
            <Button
              danger
              loading={withdraw.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('support.withdrawConfirm'),
                  onOk: () => run(() => withdraw.mutateAsync({ id: p.id, version: p.version, key: withdrawKey }), t('support.withdrawn')),
                })
              }
            >
              {t('support.withdraw')}
            </Button>
          )}
        </Space>
      </Card>
      <Card title={t('support.history')} size="small">
        <Timeline
          data-testid="pledge-history"
          items={p.history.map((h) => ({
            children: (
              <>
                <PledgeStatusTag status={h.status} /> {h.actor_name} · {formatDateTime(h.at, i18n.language)}
                {h.note && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {h.note}
                  </Typography.Paragraph>
                )}
              </>
            ),
          }))}
        />
      </Card>
      {p.deliveries.length > 0 && (
        <Card title={t('support.deliveries')} size="small">
          <DataList<PledgeDetail['deliveries'][number]>
            rows={p.deliveries}
            rowKey={(d) => d.id}
            card={(d) => (
              <Space direction="vertical" size={2}>
                <Typography.Text strong>
                  {formatDate(d.delivered_on, i18n.language)} · {fmt(d.quantity)}
                </Typography.Text>
                {d.receipt_number && (
                  <Typography.Text>
                    {t('support.receiptNumber')}：{d.receipt_number}
                  </Typography.Text>
                )}
                {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
              </Space>
            )}
            columns={[
              { title: t('support.deliveredOn'), render: (_, d) => formatDate(d.delivered_on, i18n.language) },
              { title: t('support.quantity'), render: (_, d) => fmt(d.quantity) },
              { title: t('support.receiptNumber'), dataIndex: 'receipt_number' },
              { title: t('support.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
      <Modal
        open={declining}
        title={t('support.decline')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        confirmLoading={decline.isPending}
        onCancel={() => setDeclining(false)}
        onOk={async () => {
          await run(() => decline.mutateAsync({ id: p.id, version: p.version, reason }), t('support.declined'));
          setDeclining(false);
        }}
      >
        <Typography.Paragraph>{t('support.declineHint')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="decline-reason" />
      </Modal>
      <DeliveryModal pledge={p} open={delivering} onClose={() => setDelivering(false)} />
    </PageShell>
  );
}
