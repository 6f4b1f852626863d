// Recording a visit in full (staff, for anyone on the list): the day, who went, the gift, how the
// person was found, a note, and whether the office should follow up. Recording again corrects it,
// so the form starts from what was recorded.
import { App, DatePicker, Form, Input, Modal, Radio, Switch, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import type { Visit } from '../api/get-visits';
import { useRecordVisit } from '../api/record-visit';
import { CONDITIONS, conditionLabel, type VisitCondition } from './text';

interface Values {
  visited_on: Dayjs;
  visitors: string;
  gift: string;
  condition: VisitCondition;
  note: string;
  follow_up: boolean;
}

export function RecordVisitModal({ campaignId, visit, onClose }: { campaignId: string; visit: Visit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const record = useRecordVisit();
  const [form] = Form.useForm<Values>();
  const today = todayInCommunity();
  return (
    <Modal
      open={!!visit}
      title={visit ? t('elderly.recordTitle', { name: visit.name }) : ''}
      okText={t('elderly.save')}
      cancelText={t('elderly.cancel')}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'save-visit' } as ButtonProps}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {visit && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            visited_on: dayjs(visit.visited_on ?? today),
            visitors: visit.visitors,
            gift: visit.gift,
            condition: visit.condition ?? undefined,
            note: visit.note,
            follow_up: visit.follow_up,
          }}
          onFinish={(v) =>
            record.mutate(
              {
                campaignId,
                visitId: visit.id,
                body: {
                  version: visit.version,
                  visited_on: v.visited_on.format('YYYY-MM-DD'),
                  visitors: v.visitors?.trim() ?? '',
                  gift: v.gift?.trim() ?? '',
                  condition: v.condition,
                  note: v.note?.trim() ?? '',
                  follow_up: v.follow_up,
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('elderly.visitSaved', { name: visit.name }));
                  onClose();
                },
                onError: (e) => report(e, form),
              },
            )
          }
        >
          <Form.Item name="condition" label={t('elderly.conditionLabel')} rules={[{ required: true, message: t('elderly.conditionRequired') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={CONDITIONS.map((c) => ({ value: c, label: conditionLabel(t, c) }))}
              data-testid="condition-choice"
            />
          </Form.Item>
          <Form.Item name="visited_on" label={t('elderly.visitedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          <Form.Item name="visitors" label={t('elderly.visitors')} extra={t('elderly.visitorsHint')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="gift" label={t('elderly.gift')} rules={[{ max: 200 }]}>
            <Input placeholder={t('elderly.giftPlaceholder')} />
          </Form.Item>
          <Form.Item name="note" label={t('elderly.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="follow_up" label={t('elderly.followUpSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
