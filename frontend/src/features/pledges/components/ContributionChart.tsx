// Delivered support by month. Each kind has its own measure (money, pieces, slots,
// person-hours), so the chart shows one kind at a time on its own axis, with the figures on the
// bars; the table alternative lists every kind by month.
import { useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import type { Contributions } from '../api/get-contributions';
import { formatQuantity, unitOfKind } from './text';

const KINDS = ['money', 'goods', 'venue', 'volunteer_time'] as const;
type Kind = (typeof KINDS)[number];

interface MonthRow {
  month: number;
  values: Partial<Record<Kind, number>>;
}

export function ContributionChart({ data }: { data: Contributions }) {
  const { t, i18n } = useTranslation();
  const present = KINDS.filter((k) => data.months.some((m) => m.kind === k && m.quantity > 0));
  const [chosen, setKind] = useState<Kind | null>(null);
  const kind: Kind = chosen ?? present[0] ?? 'money';
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: 'short' }).format(new Date(Date.UTC(2000, m - 1, 15)));
  const fmt = (k: Kind, q: number) => formatQuantity(t, i18n.language, unitOfKind(k), q);
  const rows: MonthRow[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    values: Object.fromEntries(data.months.filter((m) => m.month === i + 1).map((m) => [m.kind, m.quantity])),
  }));
  const series = rows.map((r) => r.values[kind] ?? 0);
  // Money is counted in fen; the axis reads in yuan.
  const scale = kind === 'money' ? 100 : 1;
  return (
    <Chart<MonthRow>
      testId="contribution-chart"
      label={t('support.chartLabel')}
      extra={
        present.length > 1 && (
          <Segmented
            size="small"
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            options={present.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
            data-testid="contribution-kind"
          />
        )
      }
      option={{
        grid: { left: 56, right: 16, top: 32, bottom: 32 },
        tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(kind, Number(v) * scale) },
        xAxis: { type: 'category', data: rows.map((r) => monthName(r.month)) },
        yAxis: { type: 'value', name: kind === 'money' ? t('support.yuan') : fmt(kind, 1).replace(/^1\s*/, '') },
        series: [
          {
            type: 'bar',
            name: t(`support.kind.${kind}`),
            data: series.map((q) => q / scale),
            label: { show: true, position: 'top', formatter: ({ value }) => (Number(value) ? String(value) : '') },
          },
        ],
      }}
      table={{
        rows,
        rowKey: (r) => String(r.month),
        columns: [
          { title: t('support.month'), render: (_, r) => monthName(r.month) },
          ...KINDS.map((k) => ({ title: t(`support.kind.${k}`), render: (_: unknown, r: MonthRow) => (r.values[k] ? fmt(k, r.values[k]) : '—') })),
        ],
      }}
    />
  );
}
