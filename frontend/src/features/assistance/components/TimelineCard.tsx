// 办理记录: the timeline of a case — notes, home surveys, objections, 民主评议, reviews, job
// referrals and trainings, and every change of state — newest first; staff add to it (a survey
// asks for the surveyors, at least two, and whether the family signed).
import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import type { CaseDetail } from '../api/get-case';
import { useAddCaseEntry, type EntryKind } from '../api/add-case-entry';
import { ENTRY_KINDS, formatDay, timeline } from './text';

export function TimelineCard({ c, family = false }: { c: CaseDetail; family?: boolean }) {
  const { t, i18n } = useTranslation();
  const items = timeline(c.entries, c.history);
  return (
    <Card title={family ? t('assistance.my.records') : t('assistance.timeline.title')} data-testid="case-timeline">
      {!family && <EntryForm c={c} />}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('assistance.timeline.none')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: family ? 0 : 24 }}
          items={items.map((item) =>
            item.type === 'entry'
              ? {
                  key: item.key,
                  color: item.entry.kind === 'objection' ? 'red' : 'blue',
                  children: (
                    <div data-testid="timeline-entry" data-kind={item.entry.kind}>
                      <Space wrap size={4}>
                        <Typography.Text strong>{formatDay(item.day, i18n.language)}</Typography.Text>
                        <Tag>{t(`assistance.entryKind.${item.entry.kind}`)}</Tag>
                        {!family &&
                          (item.entry.internal ? <Tag>{t('assistance.timeline.internal')}</Tag> : <Tag color="green">{t('assistance.timeline.public')}</Tag>)}
                      </Space>
                      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.entry.body}</div>
                      {item.entry.kind === 'survey' && !family && (
                        <Typography.Text type="secondary">
                          {t('assistance.timeline.surveyors', { names: item.entry.surveyors.join('、') })} ·{' '}
                          {item.entry.family_signed ? t('assistance.timeline.signed') : t('assistance.timeline.notSigned')}
                        </Typography.Text>
                      )}
                      {item.entry.author_name && (
                        <div>
                          <Typography.Text type="secondary">{t('assistance.timeline.by', { name: item.entry.author_name })}</Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                }
              : {
                  key: item.key,
                  color: 'gray',
                  children: (
                    <div data-testid="timeline-change">
                      <Space wrap size={4}>
                        <Typography.Text strong>{formatDay(item.day, i18n.language)}</Typography.Text>
                        <span>{t(`assistance.history.${item.change.action}`, { defaultValue: item.change.action })}</span>
                      </Space>
                      {item.change.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.change.note}</div>}
                      <div>
                        <Typography.Text type="secondary">{item.change.actor}</Typography.Text>
                      </div>
                    </div>
                  ),
                },
          )}
        />
      )}
    </Card>
  );
}

interface EntryValues {
  kind: EntryKind;
  body: string;
  occurred_on?: string;
  surveyors?: string[];
  family_signed?: boolean;
  public?: boolean;
}

function EntryForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const add = useAddCaseEntry(c.id);
  const [form] = Form.useForm<EntryValues>();
  const kind = Form.useWatch('kind', form);
  const onFinish = (v: EntryValues) =>
    add.mutate(
      {
        kind: v.kind,
        body: v.body.trim(),
        internal: !v.public,
        occurred_on: v.occurred_on || null,
        surveyors: v.kind === 'survey' ? (v.surveyors ?? []).map((s) => s.trim()).filter(Boolean) : [],
        family_signed: v.kind === 'survey' ? (v.family_signed ?? null) : null,
      },
      {
        onSuccess: () => {
          void message.success(t('assistance.timeline.added'));
          form.resetFields();
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <Form<EntryValues> name="case-entry" form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'note' }} data-testid="entry-form">
      <Space wrap size={[16, 0]} align="start">
        <Form.Item name="kind" label={t('assistance.timeline.kind')} style={{ minWidth: 180 }}>
          <Select size="large" options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`assistance.entryKind.${k}`) }))} data-testid="entry-kind" />
        </Form.Item>
        <Form.Item name="occurred_on" label={t('assistance.timeline.occurredOn')}>
          <Input size="large" type="date" max={todayInCommunity()} data-testid="entry-date" />
        </Form.Item>
      </Space>
      {kind === 'survey' && (
        <>
          <Form.Item
            name="surveyors"
            label={t('assistance.timeline.surveyorsLabel')}
            extra={t('assistance.timeline.surveyorsHint')}
            rules={[
              {
                validator: (_, value?: string[]) =>
                  (value ?? []).filter((s) => s.trim()).length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('assistance.timeline.surveyorsRequired'))),
              },
            ]}
          >
            <Select size="large" mode="tags" tokenSeparators={[',', '，', '、', ' ']} data-testid="entry-surveyors" />
          </Form.Item>
          <Form.Item
            name="family_signed"
            label={t('assistance.timeline.familySigned')}
            rules={[{ required: true, message: t('assistance.timeline.familySignedRequired') }]}
          >
            <Radio.Group data-testid="entry-signed">
              <Radio value={true}>{t('assistance.yes')}</Radio>
              <Radio value={false}>{t('assistance.no')}</Radio>
            </Radio.Group>
          </Form.Item>
        </>
      )}
      <Form.Item
        name="body"
        label={t('assistance.timeline.body')}
        rules={[{ required: true, whitespace: true, message: t('assistance.timeline.bodyRequired') }, { max: 4000 }]}
      >
        <Input.TextArea rows={3} data-testid="entry-body" />
      </Form.Item>
      <Form.Item name="public" valuePropName="checked" extra={t('assistance.timeline.publicHint')}>
        <Checkbox>{t('assistance.timeline.makePublic')}</Checkbox>
      </Form.Item>
      <Button type="primary" size="large" htmlType="submit" loading={add.isPending} data-testid="add-entry">
        {t('assistance.timeline.add')}
      </Button>
    </Form>
  );
}
