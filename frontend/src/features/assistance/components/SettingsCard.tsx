// 案件设置 (staff): the assignee, the proposed amount (it goes on the 公示), sharing with the
// household's group leader, the case's summary and, for supervisors only, the conflict of
// interest (the applicant is related to a staff member, who then may not handle the case). The
// assignee and that staff member are chosen among the community's staff (/colleagues).
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import type { CaseDetail, PaymentKind } from '../api/get-case';
import { useColleagues } from '../api/get-colleagues';
import { useUpdateCase } from '../api/update-case';
import { staffChoices, toFen } from './text';

interface SettingsValues {
  assignee_id?: string | null;
  amount_yuan?: number | null;
  payment?: PaymentKind;
  summary?: string;
  conflict_user_id?: string | null;
  conflict_note?: string;
}

export function SettingsCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const report = useReportError();
  const update = useUpdateCase(c.id);
  const [form] = Form.useForm<SettingsValues>();
  const supervisor = me.supervisor;
  const colleagues = useColleagues();
  const mine = { id: me.id, label: t('assistance.settings.me', { name: me.display_name }) };
  const staffOptions = staffChoices(colleagues.data ?? [], mine, c.assignee_id ? [{ value: c.assignee_id, label: c.assignee_name ?? c.assignee_id }] : []);
  const conflictOptions = staffChoices(
    colleagues.data ?? [],
    mine,
    c.conflict_user_id ? [{ value: c.conflict_user_id, label: t('assistance.conflict.registered') }] : [],
  );
  const open = c.status === 'open';
  const onFinish = (v: SettingsValues) =>
    update.mutate(
      {
        version: c.version,
        ...(v.assignee_id ? { assignee_id: v.assignee_id } : {}),
        summary: v.summary ?? '',
        ...(open ? { amount_fen: v.amount_yuan != null ? toFen(v.amount_yuan) : null, payment: v.payment ?? null } : {}),
        ...(supervisor ? { conflict_user_id: v.conflict_user_id ?? null, conflict_note: v.conflict_note ?? '' } : {}),
      },
      { onSuccess: () => void message.success(t('assistance.saved')), onError: (e) => report(e, form) },
    );
  return (
    <Card title={t('assistance.settings.title')} data-testid="case-settings">
      <Form<SettingsValues>
        name="case-settings"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        key={c.version}
        initialValues={{
          assignee_id: c.assignee_id ?? undefined,
          amount_yuan: c.amount_fen != null ? c.amount_fen / 100 : undefined,
          payment: c.payment ?? 'monthly',
          summary: c.summary_text ?? '',
          conflict_user_id: c.conflict_user_id ?? undefined,
          conflict_note: c.conflict_note ?? '',
        }}
      >
        <Form.Item name="assignee_id" label={t('assistance.settings.assignee')} extra={t('assistance.settings.assigneeHint')}>
          <Select
            size="large"
            showSearch
            optionFilterProp="label"
            options={staffOptions}
            loading={colleagues.isLoading}
            placeholder={t('assistance.cases.nobody')}
            data-testid="case-assignee"
          />
        </Form.Item>
        {open && (
          <>
            <Form.Item name="amount_yuan" label={t('assistance.settings.proposedAmount')} extra={t('assistance.settings.proposedAmountHint')}>
              <InputNumber
                size="large"
                min={0.01}
                max={1_000_000}
                precision={2}
                addonAfter={t('assistance.money.yuan')}
                style={{ width: '100%', maxWidth: 260 }}
                data-testid="proposed-amount"
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
        <Form.Item name="summary" label={t('assistance.create.summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {supervisor && (
          <>
            <Typography.Title level={5}>{t('assistance.conflict.title')}</Typography.Title>
            <Form.Item name="conflict_user_id" label={t('assistance.conflict.user')} extra={t('assistance.conflict.userHint')}>
              <Select
                size="large"
                allowClear
                showSearch
                optionFilterProp="label"
                options={conflictOptions}
                loading={colleagues.isLoading}
                placeholder={t('assistance.conflict.none')}
                data-testid="case-conflict-user"
              />
            </Form.Item>
            <Form.Item name="conflict_note" label={t('assistance.conflict.note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        <Button type="primary" size="large" htmlType="submit" loading={update.isPending} data-testid="save-settings">
          {t('assistance.save')}
        </Button>
      </Form>
      <div style={{ marginTop: 24, display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Switch
          id="share-with-leader"
          checked={!!c.shared_with_leader}
          loading={update.isPending}
          onChange={(on) =>
            update.mutate(
              { version: c.version, shared_with_leader: on },
              { onSuccess: () => void message.success(t('assistance.saved')), onError: (e) => report(e) },
            )
          }
          data-testid="share-with-leader"
        />
        <label htmlFor="share-with-leader">{t('assistance.settings.share')}</label>
        <Typography.Text type="secondary" style={{ flexBasis: '100%' }}>
          {c.shared_with_leader ? t('assistance.settings.shared') : t('assistance.settings.notShared')}
        </Typography.Text>
      </div>
    </Card>
  );
}
