// Recording the evening (tonight or a night before): about how many people came, anything that
// happened, whether it was called off for the weather, and which leader did not come. A leader
// on duty that night records it from their phone; staff can record any night from the planner.
// Recording again replaces the report, so the form starts from what was recorded.
import { App, Checkbox, Form, Input, InputNumber, Modal, Switch, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { Night } from '../api/get-roster';
import { useRecordEvening } from '../api/record-evening';
import { formatNight, leaderLabel } from './text';

interface Values {
  headcount?: number | null;
  incidents?: string;
  weather_cancelled: boolean;
  no_show_user_ids: string[];
}

export function EveningReportModal({ night, meId, today, onClose }: { night: Night | null; meId?: string; today: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const record = useRecordEvening();
  const [form] = Form.useForm<Values>();
  const cancelled = Form.useWatch('weather_cancelled', form) as boolean | undefined;
  // A leader marks the others; they are here themselves.
  const others = (night?.assignments ?? []).filter((a) => a.leader_user_id !== meId);
  const submit = async (values: Values) => {
    if (!night) return;
    try {
      await record.mutateAsync({
        night: night.night,
        body: {
          headcount: values.weather_cancelled ? null : (values.headcount ?? null),
          incidents: values.incidents ?? '',
          weather_cancelled: values.weather_cancelled,
          no_show_user_ids: values.weather_cancelled ? [] : values.no_show_user_ids,
        },
      });
      message.success(t('duty.reportSaved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  const tonight = night?.night === today;
  return (
    <Modal
      open={!!night}
      title={night ? (tonight ? t('duty.recordTonight') : t('duty.recordNight', { night: formatNight(night.night, i18n.language, { today }) })) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('duty.saveReport')}
      okButtonProps={{ 'data-testid': 'save-report' } as ButtonProps}
      cancelText={t('duty.cancel')}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {night && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          data-testid="evening-form"
          initialValues={{
            headcount: night.report?.headcount ?? undefined,
            incidents: night.report?.incidents ?? '',
            weather_cancelled: night.report?.weather_cancelled ?? false,
            no_show_user_ids: night.assignments.filter((a) => a.status === 'no_show').map((a) => a.leader_user_id),
          }}
        >
          {tonight && <Typography.Paragraph type="secondary">{formatNight(night.night, i18n.language, { weekday: 'long' })}</Typography.Paragraph>}
          <Form.Item name="weather_cancelled" label={t('duty.weatherCancelledLabel')} valuePropName="checked" extra={t('duty.weatherCancelledHint')}>
            <Switch data-testid="weather-cancelled" />
          </Form.Item>
          {!cancelled && (
            <Form.Item name="headcount" label={t('duty.headcountLabel')} rules={[{ type: 'number', min: 0, max: 100000, message: t('duty.headcountRule') }]}>
              <InputNumber<number>
                min={0}
                max={100000}
                precision={0}
                controls={false}
                inputMode="numeric"
                suffix={t('duty.people')}
                style={{ width: '100%' }}
                data-testid="headcount"
              />
            </Form.Item>
          )}
          <Form.Item name="incidents" label={t('duty.incidentsLabel')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} placeholder={t('duty.incidentsPlaceholder')} data-testid="incidents" />
          </Form.Item>
          {!cancelled && others.length > 0 && (
            <Form.Item name="no_show_user_ids" label={t('duty.noShowLabel')} extra={t('duty.noShowHint')}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }}>
                {others.map((a) => (
                  <Checkbox key={a.leader_user_id} value={a.leader_user_id} style={{ minHeight: 44, alignItems: 'center' }} data-testid="no-show">
                    {leaderLabel(t, a.leader_name, a.group_number)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
