// The older residents by decade (60–69 … 100+) as bars: where people would rather look than
// read. The table beside it gives the same figures.
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import { decades, type Decade, type ElderlySummary } from './text';

export function AgeChart({ summary }: { summary: ElderlySummary }) {
  const { t } = useTranslation();
  const rows = decades(summary);
  const label = (d: Decade) => (d.from >= 100 ? t('elderly.decade100') : t('elderly.decade', { from: d.from, to: d.from + 9 }));
  return (
    <Chart<Decade>
      testId="elderly-age-chart"
      label={t('elderly.ageChartLabel', { list: rows.map((d) => `${label(d)} ${d.count}`).join('，') })}
      option={{
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        // Every decade named under its bar (the short form fits a phone): "60–69" … "100+".
        xAxis: { type: 'category', data: rows.map((d) => d.key), axisLabel: { interval: 0 } },
        yAxis: { type: 'value', name: t('elderly.people'), minInterval: 1 },
        series: [{ type: 'bar', name: t('elderly.people'), data: rows.map((d) => d.count), label: { show: true, position: 'top' } }],
      }}
      table={{
        rows,
        rowKey: (d) => d.key,
        columns: [
          { title: t('elderly.age'), key: 'age', render: (_, d) => label(d) },
          { title: t('elderly.people'), dataIndex: 'count', align: 'right' },
        ],
      }}
    />
  );
}
