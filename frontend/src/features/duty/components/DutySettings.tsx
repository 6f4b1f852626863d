// The planner's settings: what a night counts for in the fairness ledger (shown as nights — an
// ordinary night is 1 夜, a weekend night 1.5 夜 — though the API keeps tenths), the rest between
// two duties; and the public holidays of a year, which weigh more.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Popconfirm, Segmented, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { useReportError } from '@/lib/forms';
import { useDeleteHoliday } from '../api/delete-holiday';
import { useHolidays, type Holiday } from '../api/get-holidays';
import { useDutyRules, type DutyRules } from '../api/get-rules';
import { useSaveHoliday } from '../api/save-holiday';
import { useUpdateDutyRules } from '../api/update-rules';
import { formatNight, formatNights, tenthsToNights } from './text';

interface RuleValues {
  weekday: number;
  weekend: number;
  holiday: number;
  min_rest_nights: number;
}

const WEIGHT = { min: 0.1, max: 10, step: 0.5, precision: 1 } as const;

function RulesForm({ rules }: { rules: DutyRules }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const update = useUpdateDutyRules();
  const [form] = Form.useForm<RuleValues>();
  const submit = async (v: RuleValues) => {
    try {
      await update.mutateAsync({
        version: rules.version,
        weekday_weight: Math.round(v.weekday * 10),
        weekend_weight: Math.round(v.weekend * 10),
        holiday_weight: Math.round(v.holiday * 10),
        min_rest_nights: v.min_rest_nights,
      });
      message.success(t('duty.rulesSaved'));
    } catch (error) {
      report(error, form);
    }
  };
  const weight = (name: keyof RuleValues, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('duty.weightRule') }]}>
      <InputNumber<number> {...WEIGHT} suffix={t('duty.nightUnit')} style={{ width: 160 }} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Form<RuleValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      key={rules.version}
      initialValues={{
        weekday: tenthsToNights(rules.weekday_weight),
        weekend: tenthsToNights(rules.weekend_weight),
        holiday: tenthsToNights(rules.holiday_weight),
        min_rest_nights: rules.min_rest_nights,
      }}
    >
      <Typography.Paragraph type="secondary">{t('duty.rulesIntro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'per', label: t('duty.leadersPerNight'), children: t('duty.peopleCount', { count: rules.leaders_per_night }) },
          {
            key: 'now',
            label: t('duty.weightsNow'),
            children: t('duty.weightsLine', {
              weekday: formatNights(t, i18n.language, rules.weekday_weight),
              weekend: formatNights(t, i18n.language, rules.weekend_weight),
              holiday: formatNights(t, i18n.language, rules.holiday_weight),
            }),
          },
        ]}
      />
      <Space wrap size={[24, 0]} align="start">
        {weight('weekday', t('duty.weekdayWeight'), 'weekday-weight')}
        {weight('weekend', t('duty.weekendWeight'), 'weekend-weight')}
        {weight('holiday', t('duty.holidayWeight'), 'holiday-weight')}
        <Form.Item name="min_rest_nights" label={t('duty.minRest')} rules={[{ required: true, message: t('duty.restRule') }]}>
          <InputNumber<number> min={0} max={30} precision={0} suffix={t('duty.nightUnit')} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-rules">
        {t('duty.save')}
      </Button>
    </Form>
  );
}

interface HolidayValues {
  day?: Dayjs;
  name?: string;
}

function Holidays({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const report = useReportError();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const save = useSaveHoliday();
  const remove = useDeleteHoliday();
  const [form] = Form.useForm<HolidayValues>();
  const add = async (v: HolidayValues) => {
    if (!v.day || !v.name) return;
    try {
      await save.mutateAsync({ day: v.day.format('YYYY-MM-DD'), name: v.name.trim() });
      form.resetFields();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented
        value={year}
        onChange={(v) => setYear(Number(v))}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('duty.yearLabel', { year: y }) }))}
        aria-label={t('duty.year')}
      />
      <Form<HolidayValues> form={form} layout="inline" onFinish={add} style={{ rowGap: 8 }}>
        <Form.Item name="day" label={t('duty.holidayDay')} rules={[{ required: true, message: t('duty.pickDay') }]}>
          <DatePicker data-testid="holiday-day" defaultPickerValue={dayjs(`${year}-01-01`)} />
        </Form.Item>
        <Form.Item name="name" label={t('duty.holidayName')} rules={[{ required: true, whitespace: true, max: 30, message: t('duty.holidayNameRule') }]}>
          <Input placeholder={t('duty.holidayNamePlaceholder')} style={{ width: 160 }} data-testid="holiday-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={save.isPending} data-testid="add-holiday">
          {t('duty.addHoliday')}
        </Button>
      </Form>
      <DataList<Holiday>
        testId="holidays"
        itemTestId="holiday"
        rows={holidays.data ?? []}
        rowKey={(h) => h.day}
        loading={holidays.isLoading}
        empty={t('duty.noHolidays')}
        pageSize={20}
        card={(h) => (
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span>
              <Typography.Text strong>{h.name}</Typography.Text> · {formatNight(h.day, i18n.language)}
            </span>
            <DeleteHoliday holiday={h} onDelete={(day) => remove.mutateAsync(day).catch((e: unknown) => report(e))} />
          </div>
        )}
        columns={[
          { title: t('duty.date'), key: 'day', render: (_, h) => formatNight(h.day, i18n.language) },
          { title: t('duty.holidayName'), dataIndex: 'name' },
          {
            title: t('duty.actions'),
            key: 'actions',
            render: (_, h) => <DeleteHoliday holiday={h} onDelete={(day) => remove.mutateAsync(day).catch((e: unknown) => report(e))} />,
          },
        ]}
      />
    </Space>
  );
}

function DeleteHoliday({ holiday, onDelete }: { holiday: Holiday; onDelete: (day: string) => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const what = `${holiday.name} ${formatNight(holiday.day, i18n.language)}`;
  return (
    <Popconfirm
      title={t('duty.deleteHolidayConfirm', { what })}
      okText={t('duty.delete')}
      cancelText={t('duty.cancel')}
      onConfirm={() => onDelete(holiday.day)}
    >
      <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('duty.actionFor', { action: t('duty.delete'), what })}>
        {t('duty.delete')}
      </Button>
    </Popconfirm>
  );
}

export function DutySettings({ today }: { today: string }) {
  const { t } = useTranslation();
  const rules = useDutyRules();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="duty-settings">
      <Card title={t('duty.rulesTitle')} loading={rules.isLoading}>
        {rules.data && <RulesForm rules={rules.data} />}
      </Card>
      <Card title={t('duty.holidaysTitle')}>
        <Holidays today={today} />
      </Card>
    </Space>
  );
}
