// Staff put leaders on one night by hand: the night's leaders are replaced and locked, so a new
// roster keeps them. The list is every group leader (from the ledger), with how much they have
// this year; a leader who said they cannot come that night cannot be chosen.
import { App, Alert, Form, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useLedger } from '../api/get-ledger';
import type { Night } from '../api/get-roster';
import { useUnavailability } from '../api/get-unavailability';
import { useSetNight } from '../api/set-night';
import { formatNight, formatNights, leaderLabel } from './text';

interface Values {
  leader_user_ids: string[];
}

export function SetNightModal({
  night,
  leadersPerNight,
  today,
  onClose,
}: {
  night: Night | null;
  leadersPerNight: number;
  today: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const setNight = useSetNight();
  const day = night?.night ?? today;
  const ledger = useLedger(Number(day.slice(0, 4)));
  const unavailable = useUnavailability({ from: day, to: day }, !!night);
  const away = new Set((unavailable.data ?? []).map((u) => u.leader_user_id));
  const awayNames = [...new Set((unavailable.data ?? []).map((u) => u.leader_name))];
  const lines = [...(ledger.data?.lines ?? [])].sort((a, b) => (a.group_number ?? 999) - (b.group_number ?? 999) || a.leader_name.localeCompare(b.leader_name));
  const submit = async (values: Values) => {
    if (!night) return;
    try {
      await setNight.mutateAsync({ night: night.night, leaderUserIds: values.leader_user_ids });
      message.success(t('duty.nightSet'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Modal
      open={!!night}
      title={night ? t('duty.setNightTitle', { night: formatNight(night.night, i18n.language, { today }) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('duty.save')}
      okButtonProps={{ 'data-testid': 'save-night' } as ButtonProps}
      cancelText={t('duty.cancel')}
      confirmLoading={setNight.isPending}
      destroyOnHidden
    >
      {night && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ leader_user_ids: night.assignments.filter((a) => a.status !== 'cancelled').map((a) => a.leader_user_id) }}
        >
          <Typography.Paragraph type="secondary">{t('duty.setNightHint', { count: leadersPerNight })}</Typography.Paragraph>
          <Form.Item
            name="leader_user_ids"
            label={t('duty.leadersOnDuty')}
            rules={[{ type: 'array', max: leadersPerNight, message: t('duty.tooManyLeaders', { count: leadersPerNight }) }]}
          >
            <Select
              mode="multiple"
              maxCount={leadersPerNight}
              loading={ledger.isLoading || unavailable.isLoading}
              optionFilterProp="label"
              placeholder={t('duty.pickLeaders')}
              data-testid="night-leaders"
              options={lines.map((line) => {
                const load = formatNights(t, i18n.language, line.served_weight + line.scheduled_weight);
                const label = leaderLabel(t, line.leader_name, line.group_number);
                return {
                  value: line.leader_user_id,
                  label,
                  disabled: away.has(line.leader_user_id),
                  title: label,
                  description: away.has(line.leader_user_id) ? t('duty.unavailableThatNight') : t('duty.yearLoad', { nights: load }),
                };
              })}
              optionRender={(option) => (
                <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                  <span>{option.data.label}</span>
                  <Typography.Text type="secondary">{option.data.description}</Typography.Text>
                </span>
              )}
            />
          </Form.Item>
          {away.size > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('duty.someUnavailable', { count: away.size })}
              description={awayNames.join(t('duty.listSeparator'))}
              data-testid="away-leaders"
            />
          )}
        </Form>
      )}
    </Modal>
  );
}
