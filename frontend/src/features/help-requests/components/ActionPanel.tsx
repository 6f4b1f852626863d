// 下一步 (staff): the moves the server offers now (`actions`), each a button that opens a small
// form — 派单 (to whom, optionally referred to a handbook contact of the category with the outside
// party's reference number), 开始办理, 办结 (what was done, which the requester reads), 回访 (the
// follow-up call: how satisfied, what they said), 重新打开 (why), 非本社区事项 (where to go
// instead, which the requester reads), 重复 (the number of the first request). Every move sends
// the version the page showed; if someone else moved it meanwhile the page reloads and says so.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/session';
import { useColleagues } from '../api/get-colleagues';
import { useHandbook } from '../api/get-handbook';
import { useMoveRequest, type Move } from '../api/move-request';
import type { RequestAction, RequestDetail } from '../api/types';
import { useReportMove } from './report';
import { SatisfactionPicker } from './SatisfactionPicker';
import { staffActions, staffChoices } from './text';

export function ActionPanel({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<RequestAction | null>(null);
  const actions = staffActions(r.actions);
  if (actions.length === 0) return null;
  return (
    <Card title={t('helpRequests.action.title')} data-testid="action-panel">
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            size="large"
            // The next step of the work stands out; 派单 again (to someone else) does not.
            type={(a === 'assign' && r.status === 'received') || a === 'start' || a === 'resolve' || a === 'follow_up' ? 'primary' : 'default'}
            onClick={() => setActing(a)}
            data-testid={`action-${a}`}
          >
            {t(`helpRequests.action.${a}`)}
          </Button>
        ))}
      </Space>
      {acting && <MoveModal r={r} action={acting} onClose={() => setActing(null)} />}
    </Card>
  );
}

interface MoveValues {
  assignee_id?: string;
  entry?: number;
  referral_ref?: string;
  note?: string;
  resolution?: string;
  satisfaction?: number;
  comment?: string;
  of?: string;
}

function MoveModal({ r, action, onClose }: { r: RequestDetail; action: RequestAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveRequest(r.id);
  const report = useReportMove();
  const colleagues = useColleagues(action === 'assign');
  const handbook = useHandbook();
  const entries = handbook.data?.categories.find((c) => c.code === r.category_code)?.entries ?? [];
  const entryIndex = Form.useWatch('entry', form);
  const entry = entryIndex != null ? entries[entryIndex] : undefined;
  const assignees = staffChoices(colleagues.data ?? [], { value: me.id, label: t('helpRequests.me', { name: me.display_name }) });
  const text = (s?: string) => s?.trim() || undefined;

  const toMove = (v: MoveValues): Move => {
    const version = r.version;
    switch (action) {
      case 'assign':
        return {
          action,
          body: {
            version,
            assignee_id: v.assignee_id ?? me.id,
            ...(v.entry != null ? { entry: { category_code: r.category_code, index: v.entry } } : {}),
            ...(text(v.referral_ref) ? { referral_ref: text(v.referral_ref) } : {}),
            ...(text(v.note) ? { note: text(v.note) } : {}),
          },
        };
      case 'start':
        return { action, body: { version, ...(text(v.note) ? { note: text(v.note) } : {}) } };
      case 'resolve':
        return { action, body: { version, resolution: v.resolution?.trim() ?? '' } };
      case 'follow_up':
      case 'rate':
        return { action, body: { version, satisfaction: v.satisfaction ?? 5, ...(text(v.comment) ? { comment: text(v.comment) } : {}) } };
      case 'not_ours':
        return { action, body: { version, note: v.note?.trim() ?? '' } };
      case 'duplicate':
        return { action, body: { version, of: v.of?.trim() ?? '' } };
      case 'reopen':
        return { action, body: { version, note: v.note?.trim() ?? '' } };
      default:
        throw new Error(`not a staff move: ${action}`);
    }
  };

  const onFinish = (v: MoveValues) =>
    move.mutate(toMove(v), {
      onSuccess: () => {
        void message.success(t(`helpRequests.action.done.${action}`));
        onClose();
      },
      onError: (e) => {
        if (report(e, form)) onClose();
      },
    });

  const danger = action === 'not_ours' || action === 'duplicate';
  return (
    <Modal
      open
      title={t(`helpRequests.action.${action}`)}
      okText={t(`helpRequests.action.confirm.${action}`)}
      okButtonProps={{ loading: move.isPending, size: 'large', danger, 'data-testid': 'confirm-move' } as ButtonProps}
      cancelText={t('helpRequests.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<MoveValues> name="request-move" form={form} layout="vertical" onFinish={onFinish} initialValues={{ assignee_id: r.assignee_id ?? me.id }}>
        {action === 'assign' && (
          <>
            <Form.Item
              name="assignee_id"
              label={t('helpRequests.action.assignee')}
              rules={[{ required: true, message: t('helpRequests.action.assigneeRequired') }]}
            >
              <Select size="large" showSearch optionFilterProp="label" options={assignees} loading={colleagues.isLoading} data-testid="move-assignee" />
            </Form.Item>
            <Form.Item
              name="entry"
              label={t('helpRequests.action.referTo')}
              extra={entries.length === 0 ? t('helpRequests.action.noEntries') : t('helpRequests.action.referToHint')}
            >
              <Select
                size="large"
                allowClear
                disabled={entries.length === 0}
                placeholder={t('helpRequests.action.noReferral')}
                options={entries.map((e, i) => ({ value: i, label: `${e.name} · ${e.phone}` }))}
                data-testid="move-entry"
              />
            </Form.Item>
            {entry && (
              <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="move-entry-details">
                <Descriptions.Item label={t('helpRequests.entry.name')}>{entry.name}</Descriptions.Item>
                <Descriptions.Item label={t('helpRequests.entry.phone')}>
                  <a href={`tel:${entry.phone}`}>{entry.phone}</a>
                </Descriptions.Item>
                {entry.hours && <Descriptions.Item label={t('helpRequests.entry.hours')}>{entry.hours}</Descriptions.Item>}
                {entry.address && <Descriptions.Item label={t('helpRequests.entry.address')}>{entry.address}</Descriptions.Item>}
                {entry.bring && <Descriptions.Item label={t('helpRequests.entry.bring')}>{entry.bring}</Descriptions.Item>}
              </Descriptions>
            )}
            {entryIndex != null && (
              <Form.Item
                name="referral_ref"
                label={t('helpRequests.action.referralRef')}
                extra={t('helpRequests.action.referralRefHint')}
                rules={[{ max: 100 }]}
              >
                <Input size="large" data-testid="move-referral-ref" />
              </Form.Item>
            )}
          </>
        )}
        {action === 'resolve' && (
          <Form.Item
            name="resolution"
            label={t('helpRequests.action.resolution')}
            extra={t('helpRequests.action.resolutionHint')}
            rules={[
              { required: true, whitespace: true, message: t('helpRequests.action.resolutionRequired') },
              { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
            ]}
          >
            <Input.TextArea rows={4} data-testid="move-resolution" />
          </Form.Item>
        )}
        {action === 'follow_up' && (
          <>
            <Form.Item name="satisfaction" label={t('helpRequests.rate.question')} rules={[{ required: true, message: t('helpRequests.rate.required') }]}>
              <SatisfactionPicker />
            </Form.Item>
            <Form.Item name="comment" label={t('helpRequests.rate.comment')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} data-testid="move-comment" />
            </Form.Item>
          </>
        )}
        {action === 'duplicate' && (
          <Form.Item
            name="of"
            label={t('helpRequests.action.duplicateOf')}
            extra={t('helpRequests.action.duplicateOfHint')}
            rules={[
              { required: true, message: t('helpRequests.action.duplicateOfRequired') },
              { pattern: /^\s*\d{4}-\d{1,6}\s*$/, message: t('helpRequests.action.duplicateOfRule') },
            ]}
          >
            <Input size="large" placeholder="2026-0042" style={{ maxWidth: 220 }} data-testid="move-of" />
          </Form.Item>
        )}
        {action === 'reopen' && (
          <Form.Item
            name="note"
            label={t('helpRequests.reopen.reason')}
            rules={[
              { required: true, whitespace: true, message: t('helpRequests.reopen.reasonRequired') },
              { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
            ]}
          >
            <Input.TextArea rows={3} data-testid="move-reason" />
          </Form.Item>
        )}
        {(action === 'assign' || action === 'start' || action === 'not_ours') && (
          <Form.Item
            name="note"
            label={action === 'not_ours' ? t('helpRequests.action.notOursNote') : t('helpRequests.action.note')}
            extra={action === 'not_ours' ? t('helpRequests.action.notOursHint') : undefined}
            rules={[
              { required: action === 'not_ours', whitespace: true, message: t('helpRequests.action.notOursRequired') },
              { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
            ]}
          >
            <Input.TextArea rows={3} data-testid="move-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
