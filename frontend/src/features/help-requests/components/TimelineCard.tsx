// 办理经过: what happened to a request, newest first — each move (受理 → 派单 → 办理中 …) and
// each note, with who and when; staff see internal notes marked 内部 (the requester never gets
// them: the API leaves them out). Whoever may write adds a note; staff choose public or internal.
import { App, Button, Card, Form, Input, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useAddNote } from '../api/add-note';
import type { RequestDetail, TimelineItem } from '../api/types';

/** `family`: the requester's view (no internal marks, their notes are always public). */
export function TimelineCard({ r, family = false }: { r: RequestDetail; family?: boolean }) {
  const { t, i18n } = useTranslation();
  const items = [...r.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card title={family ? t('helpRequests.timeline.familyTitle') : t('helpRequests.timeline.title')} data-testid="request-timeline">
      {r.can_note && <NoteForm r={r} family={family} />}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('helpRequests.timeline.none')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: r.can_note ? 24 : 0 }}
          items={items.map((item, i) => ({
            key: `${item.at}-${i}`,
            color: item.kind === 'note' ? (item.public ? 'blue' : 'gray') : 'green',
            children: (
              <div data-testid="timeline-item" data-kind={item.kind} data-public={item.public ? 'true' : 'false'}>
                <Space wrap size={4}>
                  <Typography.Text strong>{formatDateTime(item.at, i18n.language)}</Typography.Text>
                  {item.kind === 'move' ? <span>{moveText(t, item)}</span> : <Tag style={{ marginInlineEnd: 0 }}>{t('helpRequests.timeline.note')}</Tag>}
                  {!family && !item.public && (
                    <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="internal-mark">
                      {t('helpRequests.timeline.internal')}
                    </Tag>
                  )}
                </Space>
                {item.body && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.body}</div>}
                <div>
                  <Typography.Text type="secondary">{item.actor}</Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function moveText(t: (key: string, options?: Record<string, unknown>) => string, item: TimelineItem): string {
  if (item.action) return t(`helpRequests.timeline.move.${item.action}`, { defaultValue: item.action });
  if (item.to) return t('helpRequests.timeline.to', { status: t(`helpRequests.status.${item.to}`) });
  return '';
}

function NoteForm({ r, family }: { r: RequestDetail; family: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const add = useAddNote(r.id);
  const [form] = Form.useForm<{ body: string; public: boolean }>();
  const onFinish = (v: { body: string; public?: boolean }) =>
    add.mutate(
      { body: v.body.trim(), public: family ? true : !!v.public },
      {
        onSuccess: () => {
          void message.success(t('helpRequests.timeline.added'));
          form.resetFields();
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <Form name="request-note" form={form} layout="vertical" onFinish={onFinish} initialValues={{ public: false }} data-testid="note-form">
      <Form.Item
        name="body"
        label={family ? t('helpRequests.timeline.familyNote') : t('helpRequests.timeline.body')}
        rules={[{ required: true, whitespace: true, message: t('helpRequests.timeline.bodyRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={family ? 3 : 2} style={family ? { fontSize: 18 } : undefined} data-testid="note-body" />
      </Form.Item>
      {!family && (
        <Form.Item label={t('helpRequests.timeline.visibility')} extra={t('helpRequests.timeline.publicHint')}>
          <Space>
            <Form.Item name="public" valuePropName="checked" noStyle>
              <Switch aria-label={t('helpRequests.timeline.makePublic')} data-testid="note-public" />
            </Form.Item>
            <span aria-hidden>{t('helpRequests.timeline.makePublic')}</span>
          </Space>
        </Form.Item>
      )}
      <Button type={family ? 'default' : 'primary'} size="large" htmlType="submit" loading={add.isPending} block={family} data-testid="add-note">
        {t('helpRequests.timeline.add')}
      </Button>
    </Form>
  );
}
