// 新建定期活动 (staff): what, where (a venue a partner lends, if any), from which day, the hours,
// and how it repeats — 每天, 每周几 (ticked), or 每月第几个周几 — until a day; the rule is shown in
// words as it is built, and sent as an RRULE.
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { EVENT_KINDS, type EventKind } from '../api/get-events';
import { useCreateSeries } from '../api/create-series';
import { VenuePledgeSelect } from '../components/VenuePledgeSelect';
import { formatDay } from '../components/dates';
import { buildRrule, NTHS, repeatInWords, WEEKDAYS, weekdayName, type Nth, type Repeat, type Weekday } from '../components/rrule';

type Freq = Repeat['freq'];

interface Values {
  kind: EventKind;
  title: string;
  place: string;
  venue_pledge_id?: string | null;
  description?: string;
  first_day: string;
  starts_local: string;
  ends_local: string;
  freq: Freq;
  days?: Weekday[];
  nth?: Nth;
  day?: Weekday;
  until?: string;
  expected_size?: number | null;
}

/** The rule of the form's repeat fields. */
function repeatOf(v: Pick<Values, 'freq' | 'days' | 'nth' | 'day'>): Repeat {
  if (v.freq === 'weekly') return { freq: 'weekly', days: v.days ?? [] };
  if (v.freq === 'monthly') return { freq: 'monthly', nth: v.nth ?? 1, day: v.day ?? 'SA' };
  return { freq: 'daily' };
}

export function SeriesFormPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const create = useCreateSeries();
  const [form] = Form.useForm<Values>();
  const today = todayInCommunity();
  const freq = (Form.useWatch('freq', form) as Freq | undefined) ?? 'daily';
  const days = Form.useWatch('days', form) as Weekday[] | undefined;
  const nth = Form.useWatch('nth', form) as Nth | undefined;
  const day = Form.useWatch('day', form) as Weekday | undefined;
  const until = Form.useWatch('until', form) as string | undefined;
  const starts = Form.useWatch('starts_local', form) as string | undefined;
  const ends = Form.useWatch('ends_local', form) as string | undefined;
  const repeat = repeatOf({ freq, days, nth, day });
  const rrule = buildRrule({ repeat, until });

  const onFinish = (v: Values) => {
    const rule = buildRrule({ repeat: repeatOf(v), until: v.until });
    if (!rule) return;
    create.mutate(
      {
        kind: v.kind,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        place: v.place.trim(),
        venue_pledge_id: v.venue_pledge_id ?? null,
        first_day: v.first_day,
        starts_local: `${v.starts_local.slice(0, 5)}:00`,
        ends_local: `${v.ends_local.slice(0, 5)}:00`,
        rrule: rule,
        expected_size: v.expected_size ?? null,
      },
      {
        onSuccess: (s) => {
          void message.success(t('series.created'));
          navigate(`/events/series/${s.id}`);
        },
        onError: (e) => report(e, form),
      },
    );
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('events.required', { field: label }) }];
  return (
    <PageShell title={t('series.create')} testId="series-form">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'square', first_day: today, starts_local: '19:00', ends_local: '21:30', freq: 'daily', days: [], nth: 1, day: 'SA' }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="kind" label={t('events.kindLabel')} rules={[{ required: true }]}>
          <Select size="large" options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} data-testid="series-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('events.eventTitle')} rules={required(t('events.eventTitle'))}>
          <Input size="large" maxLength={100} data-testid="series-title" />
        </Form.Item>
        <Form.Item name="venue_pledge_id" label={t('events.venue')} extra={t('events.venueHint')}>
          <VenuePledgeSelect onPicked={(v) => !form.getFieldValue('place') && form.setFieldValue('place', v.place)} />
        </Form.Item>
        <Form.Item name="place" label={t('events.where')} rules={required(t('events.where'))}>
          <Input size="large" maxLength={100} data-testid="series-place" />
        </Form.Item>
        <Form.Item name="first_day" label={t('series.firstDay')} rules={required(t('series.firstDay'))}>
          <Input size="large" type="date" data-testid="series-first-day" />
        </Form.Item>
        <Space wrap size="middle" align="start">
          <Form.Item name="starts_local" label={t('series.startsLocal')} extra={t('events.timeHint')} rules={required(t('series.startsLocal'))}>
            <Input size="large" type="time" data-testid="series-starts" />
          </Form.Item>
          <Form.Item
            name="ends_local"
            label={t('series.endsLocal')}
            dependencies={['starts_local']}
            rules={[
              ...required(t('series.endsLocal')),
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || !getFieldValue('starts_local') || value > (getFieldValue('starts_local') as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('events.endAfterStart'))),
              }),
            ]}
          >
            <Input size="large" type="time" data-testid="series-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="freq" label={t('series.repeat')}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="series-freq">
            <Radio.Button value="daily">{t('series.freqDaily')}</Radio.Button>
            <Radio.Button value="weekly">{t('series.freqWeekly')}</Radio.Button>
            <Radio.Button value="monthly">{t('series.freqMonthly')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {freq === 'weekly' && (
          <Form.Item name="days" label={t('series.weekdays')} rules={[{ required: true, type: 'array', min: 1, message: t('series.weekdaysRequired') }]}>
            <Checkbox.Group
              options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, i18n.language) }))}
              style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', fontSize: 16 }}
              data-testid="series-weekdays"
            />
          </Form.Item>
        )}
        {freq === 'monthly' && (
          <Space wrap size="middle" align="start">
            <Form.Item name="nth" label={t('series.nthLabel')}>
              <Select size="large" style={{ minWidth: 140 }} options={NTHS.map((n) => ({ value: n, label: t(`series.nth.${n}`) }))} data-testid="series-nth" />
            </Form.Item>
            <Form.Item name="day" label={t('series.weekday')}>
              <Select
                size="large"
                style={{ minWidth: 140 }}
                options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, i18n.language, 'long') }))}
                data-testid="series-weekday"
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="until"
          label={t('series.until')}
          extra={t('series.untilHint')}
          dependencies={['first_day']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || !getFieldValue('first_day') || value >= (getFieldValue('first_day') as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('series.untilAfterFirst'))),
            }),
          ]}
        >
          <Input size="large" type="date" data-testid="series-until" />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rrule-preview"
          message={
            rrule
              ? [
                  `${repeatInWords(t, i18n.language, repeat, starts)}${starts ? ` ${starts.slice(0, 5)}${ends ? `–${ends.slice(0, 5)}` : ''}` : ''}`,
                  until ? t('series.untilDay', { day: formatDay(until, i18n.language, today) }) : t('series.noEnd'),
                ].join(t('series.separator'))
              : t('series.weekdaysRequired')
          }
          description={rrule && <Typography.Text className="xg-code" data-testid="rrule-code">{`RRULE:${rrule}`}</Typography.Text>}
        />
        <Form.Item name="expected_size" label={t('series.expectedSize')} extra={t('series.expectedSizeHint')}>
          <InputNumber size="large" min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="series-size" />
        </Form.Item>
        <Form.Item name="description" label={t('events.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} data-testid="submit-series">
          {t('series.create')}
        </Button>
      </Form>
    </PageShell>
  );
}
