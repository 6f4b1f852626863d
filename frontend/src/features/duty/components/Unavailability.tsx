// "我不能值班的日子": a leader says, from their phone, when they cannot be on duty (first and last
// day, a reason if they like), sees what they entered and can take it back. Two plain date
// fields rather than a two-month range calendar, which does not fit a 360 px screen (each can be
// typed, too: the calendar has no keyboard navigation of its own). A window
// that covers a night they are already on is pointed out: the roster is not moved by itself.
import { App, Alert, Button, Card, DatePicker, Empty, Form, Input, List, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { useReportError } from '@/lib/forms';
import { useCreateUnavailability } from '../api/create-unavailability';
import { useDeleteUnavailability } from '../api/delete-unavailability';
import type { MyNight } from '../api/get-my-nights';
import { useUnavailability, type Unavailability } from '../api/get-unavailability';
import { formatDays, formatNight } from './text';

interface Values {
  first_day?: Dayjs;
  last_day?: Dayjs;
  reason?: string;
}

/** My duty nights that fall in a window. */
export function clashes(window: Pick<Unavailability, 'first_day' | 'last_day'>, nights: Pick<MyNight, 'night'>[]): string[] {
  return nights.map((n) => n.night).filter((night) => night >= window.first_day && night <= window.last_day);
}

function AddUnavailability({ today }: { today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const create = useCreateUnavailability();
  const [form] = Form.useForm<Values>();
  const first = Form.useWatch('first_day', form) as Dayjs | undefined;
  const beforeToday = (d: Dayjs) => d.isBefore(dayjs(today), 'day');
  // Enter confirms a typed date; it must not send the whole form as well.
  const keepEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault();
  };
  const submit = async (v: Values) => {
    if (!v.first_day) return;
    const last = v.last_day ?? v.first_day;
    try {
      await create.mutateAsync({ first_day: v.first_day.format('YYYY-MM-DD'), last_day: last.format('YYYY-MM-DD'), reason: v.reason?.trim() ?? '' });
      message.success(t('duty.unavailabilityAdded'));
      form.resetFields();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="add-unavailability" requiredMark={false}>
      <Form.Item name="first_day" label={t('duty.firstDay')} rules={[{ required: true, message: t('duty.pickDay') }]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={beforeToday}
          placeholder={t('duty.pickDay')}
          onKeyDown={keepEnter}
          onChange={(d) => {
            const last = form.getFieldValue('last_day') as Dayjs | undefined;
            if (d && (!last || last.isBefore(d, 'day'))) form.setFieldValue('last_day', d);
          }}
          data-testid="unavailable-first"
        />
      </Form.Item>
      <Form.Item
        name="last_day"
        label={t('duty.lastDay')}
        extra={t('duty.lastDayHint')}
        dependencies={['first_day']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const start = getFieldValue('first_day') as Dayjs | undefined;
              return !value || !start || !value.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('duty.lastBeforeFirst')));
            },
          }),
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => beforeToday(d) || (!!first && d.isBefore(first, 'day'))}
          defaultPickerValue={first}
          placeholder={t('duty.pickDay')}
          onKeyDown={keepEnter}
          data-testid="unavailable-last"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('duty.reasonLabel')} rules={[{ max: 100 }]}>
        <Input placeholder={t('duty.reasonPlaceholder')} maxLength={100} data-testid="unavailable-reason" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        icon={<PlusOutlined aria-hidden />}
        loading={create.isPending}
        data-testid="save-unavailability"
      >
        {t('duty.addUnavailability')}
      </Button>
    </Form>
  );
}

export function UnavailabilitySection({ today, myNights }: { today: string; myNights: MyNight[] }) {
  const { t, i18n } = useTranslation();
  const report = useReportError();
  const windows = useUnavailability();
  const remove = useDeleteUnavailability();
  const items = windows.data ?? [];
  return (
    <Card title={t('duty.unavailabilityTitle')} data-testid="unavailability">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('duty.unavailabilityIntro')}</Typography.Text>
        <List
          loading={windows.isLoading}
          dataSource={items}
          rowKey={(u) => u.id}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.noUnavailability')} /> }}
          renderItem={(u) => {
            const days = formatDays(t, i18n.language, u.first_day, u.last_day, today);
            const clash = clashes(u, myNights);
            return (
              <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid="unavailable-window">
                <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong style={{ fontSize: '1.125em' }}>
                      {days}
                    </Typography.Text>
                    {u.reason && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0, overflowWrap: 'anywhere' }}>
                        {u.reason}
                      </Typography.Paragraph>
                    )}
                  </div>
                  <KeyboardPopconfirm
                    title={t('duty.deleteUnavailabilityConfirm', { days })}
                    okText={t('duty.delete')}
                    cancelText={t('duty.cancel')}
                    okButtonProps={{ size: 'large' }}
                    cancelButtonProps={{ size: 'large' }}
                    onConfirm={() => remove.mutateAsync(u.id).catch((e: unknown) => report(e))}
                  >
                    <Button
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('duty.actionFor', { action: t('duty.delete'), what: days })}
                      data-testid="delete-unavailability"
                    >
                      {t('duty.delete')}
                    </Button>
                  </KeyboardPopconfirm>
                </div>
                {clash.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginTop: 8 }}
                    message={t('duty.clash', { nights: clash.map((n) => formatNight(n, i18n.language, { today })).join(t('duty.listSeparator')) })}
                  />
                )}
              </List.Item>
            );
          }}
        />
        <Card size="small" type="inner" title={t('duty.addUnavailabilityTitle')}>
          <AddUnavailability today={today} />
        </Card>
      </Space>
    </Card>
  );
}
