// A month as a calendar: at a desk a table of weeks (Monday first) with each day's content in its
// cell; on a phone, where seven columns do not fit, a list of the days that have something. The
// month is chosen with 上个月 / 下个月 (kept in the address as `?month=YYYY-MM`).
import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, Grid, List, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMonth, monthPeriod } from '@/lib/dates';
import { formatDay, monthFromParam, monthWeeks, weekdayHeaders } from './dates';

/** Read out, not shown (the full date of a cell that shows only its number). */
const SCREEN_READER_ONLY = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** The month shown (its first day) and a way to move to another, kept in `?month=`. */
export function useMonthParam(today: string): [string, (first: string) => void] {
  const [params, setParams] = useSearchParams();
  const month = monthFromParam(params.get('month'), today);
  const go = (first: string) => {
    const next = new URLSearchParams(params);
    if (first.slice(0, 7) === today.slice(0, 7)) next.delete('month');
    else next.set('month', first.slice(0, 7));
    setParams(next, { replace: true });
  };
  return [month, go];
}

export function MonthSwitcher({ month, onChange, testId }: { month: string; onChange: (first: string) => void; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr auto', alignItems: 'center', gap: 8 }}>
      <Button icon={<LeftOutlined aria-hidden />} onClick={() => onChange(monthPeriod(month, -1).from)} data-testid="prev-month">
        {t('series.prevMonth')}
      </Button>
      <Typography.Text strong style={{ fontSize: 18, textAlign: 'center' }} aria-live="polite" data-testid={testId}>
        {formatMonth(month, i18n.language)}
      </Typography.Text>
      <Button onClick={() => onChange(monthPeriod(month, 1).from)} data-testid="next-month">
        {t('series.nextMonth')}
        <RightOutlined aria-hidden />
      </Button>
    </div>
  );
}

export function MonthGrid({
  month,
  today,
  renderDay,
  empty,
  testId,
  dayTestId,
}: {
  /** The month's first day. */
  month: string;
  today: string;
  /** What a day holds; `null` for nothing (an empty cell, and no card on a phone). */
  renderDay: (day: string) => ReactNode | null;
  /** Said on a phone when no day of the month holds anything. */
  empty: ReactNode;
  testId?: string;
  /** Test id of a day's cell or card. */
  dayTestId?: string;
}) {
  const { t, i18n } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [showPast, setShowPast] = useState(false);
  const weeks = monthWeeks(month);
  if (phone) {
    const all = weeks
      .flat()
      .filter((d): d is string => d !== null)
      .map((day) => ({ day, content: renderDay(day) }))
      .filter((d) => d.content !== null);
    // This month on a phone starts today; the days gone by are a tap away.
    const past = all.filter((d) => d.day < today).length;
    const hidePast = !showPast && past > 0 && past < all.length && month.slice(0, 7) === today.slice(0, 7);
    const days = hidePast ? all.filter((d) => d.day >= today) : all;
    return (
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        {hidePast && (
          <Button block onClick={() => setShowPast(true)} data-testid="show-past-days">
            {t('series.showPast', { count: past })}
          </Button>
        )}
        <List
          data-testid={testId}
          dataSource={days}
          rowKey={(d) => d.day}
          split={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
          renderItem={({ day, content }) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%', borderColor: day === today ? '#b7282e' : undefined }}
                data-testid={dayTestId}
                data-day={day}
                aria-current={day === today ? 'date' : undefined}
              >
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
                    <Typography.Text strong style={{ fontSize: 18 }}>
                      {formatDay(day, i18n.language, today)}
                    </Typography.Text>
                    {day === today && <Tag color="red">{t('series.today')}</Tag>}
                  </div>
                  {content}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      </Space>
    );
  }
  return (
    <table className="xg-month" data-testid={testId} style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
      <caption style={SCREEN_READER_ONLY}>{formatMonth(month, i18n.language)}</caption>
      <thead>
        <tr>
          {weekdayHeaders(i18n.language).map((name) => (
            <th key={name} scope="col" style={{ padding: '6px 4px', textAlign: 'left', fontWeight: 600, borderBottom: '2px solid #d9d9d9' }}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((day, j) =>
              day === null ? (
                <td key={`blank-${j}`} style={{ border: '1px solid #f0f0f0', background: '#fafafa' }} />
              ) : (
                <td
                  key={day}
                  data-testid={dayTestId}
                  data-day={day}
                  aria-current={day === today ? 'date' : undefined}
                  style={{
                    verticalAlign: 'top',
                    padding: 6,
                    height: 96,
                    border: day === today ? '2px solid #b7282e' : '1px solid #d9d9d9',
                    overflowWrap: 'anywhere',
                  }}
                >
                  <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 4, marginBottom: 4 }}>
                    <Typography.Text strong>
                      <span aria-hidden>{Number(day.slice(8))}</span>
                      <span style={SCREEN_READER_ONLY}>{formatDay(day, i18n.language, today)}</span>
                    </Typography.Text>
                    {day === today && (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {t('series.today')}
                      </Tag>
                    )}
                  </div>
                  {renderDay(day)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
