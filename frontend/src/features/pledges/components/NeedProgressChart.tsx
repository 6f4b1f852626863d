// Staff: how far each open need with a target has come — delivered, and accepted but not yet
// delivered, as a share of the target — with the figures as a table alternative.
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import type { Need } from '../api/get-needs';
import { formatQuantity } from './text';

export function NeedProgressChart({ needs }: { needs: Need[] }) {
  const { t, i18n } = useTranslation();
  const rows = needs.filter((n) => n.target_quantity && n.progress);
  if (rows.length === 0) return null;
  const pct = (n: number, target: number) => Math.min(100, Math.round((n / target) * 100));
  const fmt = (need: Need, q: number) => formatQuantity(t, i18n.language, need.unit, q);
  return (
    <Chart<Need>
      testId="need-progress-chart"
      label={t('support.needProgressLabel')}
      height={Math.max(160, rows.length * 44 + 60)}
      option={{
        grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((n) => n.title),
          axisLabel: { width: 120, overflow: 'truncate' },
        },
        series: [
          { type: 'bar', stack: 'p', name: t('support.fulfilledShort'), data: rows.map((n) => pct(n.progress?.fulfilled ?? 0, n.target_quantity ?? 1)) },
          {
            type: 'bar',
            stack: 'p',
            name: t('support.acceptedShort'),
            data: rows.map((n) => pct(n.progress?.accepted ?? 0, n.target_quantity ?? 1) - pct(n.progress?.fulfilled ?? 0, n.target_quantity ?? 1)),
            label: {
              show: true,
              position: 'right',
              formatter: ({ dataIndex }) => `${pct(rows[dataIndex]?.progress?.accepted ?? 0, rows[dataIndex]?.target_quantity ?? 1)}%`,
            },
          },
        ],
      }}
      table={{
        rows,
        rowKey: (n) => n.id,
        columns: [
          { title: t('support.title'), dataIndex: 'title' },
          { title: t('support.target'), render: (_, n) => fmt(n, n.target_quantity ?? 0) },
          { title: t('support.acceptedShort'), render: (_, n) => fmt(n, n.progress?.accepted ?? 0) },
          { title: t('support.fulfilledShort'), render: (_, n) => fmt(n, n.progress?.fulfilled ?? 0) },
        ],
      }}
    />
  );
}
