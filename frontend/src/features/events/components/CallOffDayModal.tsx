// 取消这一晚: one day of a recurring event called off with a reason everyone sees (e.g. 下雨).
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useCancelOccurrence } from '../api/cancel-occurrence';
import type { Occurrence } from '../api/get-occurrences';
import { formatDay } from './dates';

export function CallOffDayModal({
  seriesId,
  title,
  occurrence,
  today,
  onClose,
}: {
  seriesId: string;
  title: string;
  occurrence: Occurrence | null;
  today: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const cancel = useCancelOccurrence();
  const [form] = Form.useForm<{ reason: string }>();
  const day = occurrence ? formatDay(occurrence.day, i18n.language, today) : '';
  return (
    <Modal
      open={occurrence !== null}
      title={t('series.callOffTitle', { day })}
      okText={t('series.callOffConfirm')}
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'call-off-day-confirm' } as ButtonProps}
      cancelText={t('series.keep')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{title}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          occurrence &&
          cancel.mutate(
            { seriesId, day: occurrence.day, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('series.calledOffDone', { day }));
                onClose();
              },
              onError: (err) => report(err, form),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('series.reason')}
          extra={t('series.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('series.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} data-testid="call-off-day-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
