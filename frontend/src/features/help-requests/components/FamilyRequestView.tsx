// One request as the requester's side sees it on a phone (the resident's household, or the group
// leader who filed it or whose group it is): where it stands in plain words and as steps
// (已收到 → 已安排 → 正在办 → 已办好 → 已结束), the answer staff wrote, the notes they shared,
// and — once it is done — how satisfied they are (five big buttons with words), or, within 30
// days, "问题没解决，重新打开" with the reason.
import { App, Alert, Button, Card, Descriptions, Form, Input, Space, Steps, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInCommunity } from '@/lib/dates';
import { formatDateTime } from '@/lib/format';
import { useMoveRequest } from '../api/move-request';
import type { RequestDetail } from '../api/types';
import { PhotosCard } from './Photos';
import { useReportMove } from './report';
import { KindTag, StatusTag } from './RequestTags';
import { SatisfactionPicker } from './SatisfactionPicker';
import { TimelineCard } from './TimelineCard';
import { canReopen, formatDay, progressStep, satisfactionText } from './text';

const big = { fontSize: 18 };

export function FamilyRequestView({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const stopped = r.status === 'not_ours' || r.status === 'duplicate';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card data-testid="family-request">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={6}>
            <KindTag kind={r.kind} />
            <StatusTag status={r.status} />
          </Space>
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="family-state">
            {t(`helpRequests.family.${r.status}`)}
          </Typography.Text>
          <Typography.Paragraph style={{ ...big, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{r.description}</Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('helpRequests.number')}>{r.number}</Descriptions.Item>
            <Descriptions.Item label={t('helpRequests.queue.category')}>{r.category_name}</Descriptions.Item>
            {r.address && <Descriptions.Item label={t('helpRequests.form.address')}>{r.address}</Descriptions.Item>}
            <Descriptions.Item label={t('helpRequests.detail.receivedAt')}>{formatDateTime(r.received_at, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('helpRequests.family.forWhom')}>{r.caller_name}</Descriptions.Item>
            {r.assignee_name && <Descriptions.Item label={t('helpRequests.family.handledBy')}>{r.assignee_name}</Descriptions.Item>}
            {r.satisfaction != null && (
              <Descriptions.Item label={t('helpRequests.detail.satisfaction')}>
                <span data-testid="family-satisfaction">{satisfactionText(t, r.satisfaction)}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Space>
      </Card>
      {r.resolution && (
        <Alert
          type="success"
          showIcon
          message={<span style={big}>{t('helpRequests.family.answer')}</span>}
          description={<span style={{ ...big, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.resolution}</span>}
          data-testid="family-resolution"
        />
      )}
      {r.referral && (
        <Card size="small" title={t('helpRequests.family.referral')}>
          <div style={big}>
            {r.referral.name} · <a href={`tel:${r.referral.phone}`}>{r.referral.phone}</a>
          </div>
        </Card>
      )}
      {r.actions.includes('rate') && r.status === 'resolved' && <RateCard r={r} />}
      {canReopen(r, todayInCommunity()) && <ReopenCard r={r} />}
      {!stopped && (
        <Card title={t('helpRequests.family.progress')} data-testid="family-steps">
          <Steps
            direction="vertical"
            current={progressStep(r.status)}
            status={r.status === 'closed' ? 'finish' : 'process'}
            items={(['received', 'assigned', 'in_progress', 'resolved', 'closed'] as const).map((s) => ({
              title: <span style={big}>{t(`helpRequests.family.step.${s}`)}</span>,
            }))}
          />
        </Card>
      )}
      {r.reopen_until && (r.status === 'resolved' || r.status === 'closed') && (
        <Typography.Text type="secondary">{t('helpRequests.family.reopenUntil', { day: formatDay(r.reopen_until, i18n.language) })}</Typography.Text>
      )}
      <PhotosCard r={r} />
      <TimelineCard r={r} family />
    </Space>
  );
}

function RateCard({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ satisfaction: number; comment?: string }>();
  const move = useMoveRequest(r.id);
  const report = useReportMove();
  const onFinish = (v: { satisfaction: number; comment?: string }) =>
    move.mutate(
      { action: 'rate', body: { version: r.version, satisfaction: v.satisfaction, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } },
      {
        onSuccess: () => void message.success(t('helpRequests.rate.thanks')),
        onError: (e) => void report(e, form),
      },
    );
  return (
    <Card title={<span style={big}>{t('helpRequests.rate.title')}</span>} data-testid="rate-card">
      <Form name="rate-request" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="satisfaction"
          label={<span style={big}>{t('helpRequests.rate.question')}</span>}
          rules={[{ required: true, message: t('helpRequests.rate.required') }]}
        >
          <SatisfactionPicker />
        </Form.Item>
        <Form.Item name="comment" label={<span style={big}>{t('helpRequests.rate.comment')}</span>} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} style={big} data-testid="rate-comment" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" block loading={move.isPending} data-testid="rate-submit">
          {t('helpRequests.rate.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ReopenCard({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const move = useMoveRequest(r.id);
  const report = useReportMove();
  const onFinish = (v: { note: string }) =>
    move.mutate(
      { action: 'reopen', body: { version: r.version, note: v.note.trim() } },
      {
        onSuccess: () => {
          void message.success(t('helpRequests.reopen.done'));
          setOpen(false);
        },
        onError: (e) => void report(e, form),
      },
    );
  if (!open)
    return (
      <Button size="large" block icon={<RedoOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="reopen">
        {t('helpRequests.reopen.button')}
      </Button>
    );
  return (
    <Card title={<span style={big}>{t('helpRequests.reopen.button')}</span>} data-testid="reopen-card">
      <Form name="reopen-request" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="note"
          label={<span style={big}>{t('helpRequests.reopen.reason')}</span>}
          rules={[
            { required: true, whitespace: true, message: t('helpRequests.reopen.reasonRequired') },
            { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
          ]}
        >
          <Input.TextArea rows={3} style={big} autoFocus data-testid="reopen-reason" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" size="large" htmlType="submit" loading={move.isPending} data-testid="reopen-submit">
            {t('helpRequests.reopen.submit')}
          </Button>
          <Button size="large" onClick={() => setOpen(false)}>
            {t('helpRequests.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
