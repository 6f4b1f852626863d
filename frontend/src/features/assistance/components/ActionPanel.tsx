// 下一步: the step the case is at, who acts and by when, what still keeps it from being finished,
// and the moves the step allows (the server's `actions`) — each opens a small form (the day it
// happened, a note; the amount for an approval, the reason for a refusal or an end of payment,
// the placement for a re-employment case solved).
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import type { CaseDetail, PaymentKind } from '../api/get-case';
import { useAdvanceCase } from '../api/advance-case';
import { useApproveCase } from '../api/approve-case';
import { useRefuseCase } from '../api/refuse-case';
import { useSolveCase } from '../api/solve-case';
import { useWithdrawCase } from '../api/withdraw-case';
import { useCloseCase } from '../api/close-case';
import { DeadlineCell } from './CaseTags';
import { caseActions, formatDay, shortStepName, stepBlocker, stepTerm, toFen, type CaseAction } from './text';

export function ActionPanel({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [acting, setActing] = useState<CaseAction | null>(null);
  // The server offers exactly the moves the current step allows.
  const actions = caseActions(c.actions);
  const current = c.steps.find((s) => s.state === 'current');
  const blocker = stepBlocker(c, todayInCommunity());
  if (c.status !== 'open' && actions.length === 0) return null;
  return (
    <Card title={t('assistance.action.title')} data-testid="action-panel">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {c.status === 'open' && current && (
          <div data-testid="current-step">
            <Typography.Text strong style={{ fontSize: '1.15em' }}>
              {t('assistance.action.nowAt', { step: shortStepName(current.name) })}
            </Typography.Text>
            <div>{t('assistance.cases.whoActs', { body: current.body })}</div>
            <div>
              {t('assistance.steps.term')}：{stepTerm(t, current, c.steps)}
              {current.due_on && ` · ${t('assistance.deadline.dueOn', { day: formatDay(current.due_on, i18n.language) })}`}
            </div>
            <DeadlineCell row={c} showDay={false} />
          </div>
        )}
        {blocker && (
          <Alert
            type="warning"
            showIcon
            message={t(`assistance.blocker.${blocker.kind}`, { day: 'until' in blocker ? formatDay(blocker.until, i18n.language) : '' })}
            data-testid="step-blocker"
          />
        )}
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              size="large"
              type={a === 'advance' || a === 'approve' || a === 'solve' ? 'primary' : 'default'}
              danger={a === 'refuse' || a === 'close'}
              onClick={() => setActing(a)}
              data-testid={`action-${a}`}
            >
              {t(`assistance.action.${a}`)}
            </Button>
          ))}
        </Space>
      </Space>
      {acting && <MoveModal c={c} action={acting} onClose={() => setActing(null)} />}
    </Card>
  );
}

interface MoveValues {
  on?: string;
  note?: string;
  amount_yuan?: number;
  payment?: PaymentKind;
  placement?: string;
}

function MoveModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<MoveValues>();
  const advance = useAdvanceCase(c.id);
  const approve = useApproveCase(c.id);
  const refuse = useRefuseCase(c.id);
  const solve = useSolveCase(c.id);
  const withdraw = useWithdrawCase(c.id);
  const close = useCloseCase(c.id);
  const pending = [advance, approve, refuse, solve, withdraw, close].some((m) => m.isPending);
  const reasonRequired = action === 'refuse' || action === 'close';
  const current = c.steps.find((s) => s.state === 'current');
  const today = todayInCommunity();

  const onFinish = (v: MoveValues) => {
    const base = { version: c.version, note: v.note?.trim() ?? '', on: v.on || null };
    const done = {
      onSuccess: () => {
        void message.success(t(`assistance.action.done.${action}`));
        onClose();
      },
      onError: (e: unknown) => report(e, form),
    };
    switch (action) {
      case 'advance':
        return advance.mutate(base, done);
      case 'approve':
        return approve.mutate({ ...base, amount_fen: toFen(v.amount_yuan ?? 0), payment: v.payment ?? 'monthly' }, done);
      case 'refuse':
        return refuse.mutate(base, done);
      case 'solve':
        return solve.mutate({ ...base, placement: v.placement?.trim() ?? '' }, done);
      case 'withdraw':
        return withdraw.mutate(base, done);
      case 'close':
        return close.mutate(base, done);
    }
  };

  return (
    <Modal
      open
      title={t(`assistance.action.${action}`)}
      okText={t(`assistance.action.confirm.${action}`)}
      okButtonProps={{ loading: pending, size: 'large', danger: reasonRequired, 'data-testid': 'confirm-move' } as ButtonProps}
      cancelText={t('assistance.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {action === 'advance' && current && (
        <Typography.Paragraph>{t('assistance.action.advanceWhat', { step: shortStepName(current.name) })}</Typography.Paragraph>
      )}
      <Form<MoveValues>
        name="case-move"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ payment: c.payment ?? 'monthly', amount_yuan: c.amount_fen != null ? c.amount_fen / 100 : undefined }}
      >
        {action === 'approve' && (
          <>
            <Form.Item name="amount_yuan" label={t('assistance.money.amount')} rules={[{ required: true, message: t('assistance.money.amountRequired') }]}>
              <InputNumber
                size="large"
                min={0.01}
                max={1_000_000}
                precision={2}
                addonAfter={t('assistance.money.yuan')}
                style={{ width: '100%', maxWidth: 260 }}
                data-testid="approve-amount"
              />
            </Form.Item>
            <Form.Item name="payment" label={t('assistance.money.payment')}>
              <Radio.Group>
                <Radio value="monthly">{t('assistance.money.monthly')}</Radio>
                <Radio value="one_off">{t('assistance.money.one_off')}</Radio>
              </Radio.Group>
            </Form.Item>
          </>
        )}
        {action === 'solve' && (
          <Form.Item
            name="placement"
            label={t('assistance.action.placement')}
            extra={t('assistance.action.placementHint')}
            rules={[{ required: c.kind === 'reemployment', whitespace: true, message: t('assistance.action.placementRequired') }, { max: 200 }]}
          >
            <Input size="large" data-testid="solve-placement" />
          </Form.Item>
        )}
        <Form.Item name="on" label={t('assistance.action.on')} extra={t('assistance.action.onHint')}>
          <Input size="large" type="date" max={today} min={current?.started_on ?? undefined} style={{ maxWidth: 240 }} data-testid="move-on" />
        </Form.Item>
        <Form.Item
          name="note"
          label={reasonRequired ? t('assistance.action.reason') : t('assistance.action.note')}
          extra={reasonRequired ? t('assistance.action.reasonHint') : undefined}
          rules={[{ required: reasonRequired, whitespace: true, message: t('assistance.action.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
