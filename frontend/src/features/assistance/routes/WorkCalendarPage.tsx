// 工作日历 (staff): a year's public holidays and weekends worked (调休上班), on which every case's
// deadline in working days is counted. A year not entered yet is said plainly: its deadlines
// count weekends only. Days are added, renamed and cleared here.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Tag, Typography, type ButtonProps } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { PageShell } from '@/components/PageShell';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { useWorkCalendar, type CalendarDay, type WorkdayKind } from '../api/get-work-calendar';
import { usePutWorkCalendarDay } from '../api/put-work-calendar-day';
import { useDeleteWorkCalendarDay } from '../api/delete-work-calendar-day';
import { formatDay } from '../components/text';

export function WorkCalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [year, setYear] = useState(() => Number(todayInCommunity().slice(0, 4)));
  const calendar = useWorkCalendar(year);
  const remove = useDeleteWorkCalendarDay();
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null);
  const weekday = (day: string) => new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${day}T00:00:00Z`));
  const kindTag = (kind: WorkdayKind) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`assistance.calendar.kind.${kind}`)}</Tag>;
  const actions = (d: CalendarDay) => (
    <Space wrap>
      <Button onClick={() => setEditing(d)} aria-label={t('assistance.calendar.editDay', { day: d.day })}>
        {t('assistance.calendar.edit')}
      </Button>
      <KeyboardPopconfirm
        title={t('assistance.calendar.deleteConfirm', { day: formatDay(d.day, i18n.language) })}
        okText={t('assistance.calendar.delete')}
        cancelText={t('assistance.cancel')}
        onConfirm={() => remove.mutate(d.day, { onSuccess: () => void message.success(t('assistance.calendar.deleted')), onError: (e) => report(e) })}
      >
        <Button danger aria-label={t('assistance.calendar.deleteDay', { day: d.day })}>
          {t('assistance.calendar.delete')}
        </Button>
      </KeyboardPopconfirm>
    </Space>
  );
  return (
    <PageShell
      title={t('assistance.calendar.title')}
      intro={t('assistance.calendar.intro')}
      testId="work-calendar-page"
      bare
      actions={
        <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="add-day">
          {t('assistance.calendar.add')}
        </Button>
      }
    >
      <Space wrap align="center">
        <Button size="large" icon={<LeftOutlined aria-hidden />} onClick={() => setYear(year - 1)} aria-label={t('assistance.calendar.prevYear')} />
        <Typography.Text strong style={{ fontSize: '1.3em' }} data-testid="calendar-year" aria-live="polite">
          {t('assistance.calendar.year', { year })}
        </Typography.Text>
        <Button size="large" icon={<RightOutlined aria-hidden />} onClick={() => setYear(year + 1)} aria-label={t('assistance.calendar.nextYear')} />
      </Space>
      {calendar.data && !calendar.data.entered && (
        <Alert type="warning" showIcon message={t('assistance.calendar.notEntered')} data-testid="calendar-not-entered" />
      )}
      <DataList<CalendarDay>
        rows={calendar.data?.days ?? []}
        rowKey={(d) => d.day}
        loading={calendar.isLoading}
        empty={t('assistance.calendar.none')}
        testId="calendar-days"
        itemTestId="calendar-day"
        columns={[
          { title: t('assistance.calendar.day'), key: 'day', render: (_, d) => `${formatDay(d.day, i18n.language)} ${weekday(d.day)}` },
          { title: t('assistance.calendar.kindLabel'), key: 'kind', render: (_, d) => kindTag(d.kind) },
          { title: t('assistance.calendar.name'), key: 'name', render: (_, d) => d.name },
          { title: t('assistance.calendar.actions'), key: 'actions', render: (_, d) => actions(d) },
        ]}
        card={(d) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text strong>
              {formatDay(d.day, i18n.language)} {weekday(d.day)}
            </Typography.Text>
            <Space wrap size={4}>
              {kindTag(d.kind)}
              <span>{d.name}</span>
            </Space>
            {actions(d)}
          </Space>
        )}
      />
      {editing && <DayModal day={editing === 'new' ? null : editing} year={year} onClose={() => setEditing(null)} />}
    </PageShell>
  );
}

function DayModal({ day, year, onClose }: { day: CalendarDay | null; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const put = usePutWorkCalendarDay();
  const [form] = Form.useForm<{ day: string; kind: WorkdayKind; name: string }>();
  return (
    <Modal
      open
      title={day ? t('assistance.calendar.edit') : t('assistance.calendar.add')}
      okText={t('assistance.save')}
      cancelText={t('assistance.cancel')}
      okButtonProps={{ loading: put.isPending, size: 'large', 'data-testid': 'save-day' } as ButtonProps}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        name="calendar-day"
        form={form}
        layout="vertical"
        initialValues={day ?? { kind: 'holiday', day: `${year}-01-01` }}
        onFinish={(v) =>
          put.mutate(
            { day: v.day, body: { kind: v.kind, name: v.name.trim() } },
            {
              onSuccess: () => {
                void message.success(t('assistance.saved'));
                onClose();
              },
              onError: (e) => report(e, form),
            },
          )
        }
      >
        <Form.Item name="day" label={t('assistance.calendar.day')} rules={[{ required: true, message: t('assistance.calendar.dayRequired') }]}>
          <Input size="large" type="date" disabled={!!day} data-testid="day-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('assistance.calendar.kindLabel')}>
          <Radio.Group>
            <Radio value="holiday">{t('assistance.calendar.kind.holiday')}</Radio>
            <Radio value="workday">{t('assistance.calendar.kind.workday')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={t('assistance.calendar.name')}
          extra={t('assistance.calendar.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('assistance.calendar.nameRequired') }, { max: 50 }]}
        >
          <Input size="large" data-testid="day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
