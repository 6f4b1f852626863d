// A campaign's progress per group: visited and still to visit stacked in one bar per group, so a
// group that lags shows at a glance. The table gives every figure, the follow-ups too.
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import type { GroupProgress } from '../api/get-campaign';
import { groupText, percentOf, remaining } from './text';

export function GroupProgressChart({ groups }: { groups: GroupProgress[] }) {
  const { t } = useTranslation();
  const rows = [...groups].sort((a, b) => a.group_number - b.group_number);
  const labels = rows.map((g) => groupText(t, g.group_number));
  return (
    <Chart<GroupProgress>
      testId="group-progress-chart"
      label={t('elderly.groupChartLabel', { list: rows.map((g) => `${groupText(t, g.group_number)} ${g.visited}/${g.total}`).join('，') })}
      height={Math.max(220, rows.length * 34 + 70)}
      option={{
        grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: labels },
        series: [
          { type: 'bar', stack: 'visits', name: t('elderly.visitedSeries'), data: rows.map((g) => g.visited) },
          {
            type: 'bar',
            stack: 'visits',
            name: t('elderly.leftSeries'),
            data: rows.map((g) => remaining(g.visited, g.total)),
            itemStyle: { color: '#d9d9d9' },
            label: {
              show: true,
              position: 'right',
              color: '#262626',
              formatter: ({ dataIndex }) => {
                const g = rows[dataIndex];
                return g ? `${g.visited}/${g.total}` : '';
              },
            },
          },
        ],
      }}
      table={{
        rows,
        rowKey: (g) => g.group_id,
        columns: [
          { title: t('elderly.group'), key: 'group', render: (_, g) => groupText(t, g.group_number) },
          { title: t('elderly.total'), dataIndex: 'total', align: 'right' },
          { title: t('elderly.visitedSeries'), dataIndex: 'visited', align: 'right' },
          { title: t('elderly.leftSeries'), key: 'left', align: 'right', render: (_, g) => remaining(g.visited, g.total) },
          { title: t('elderly.percent'), key: 'percent', align: 'right', render: (_, g) => `${percentOf(g.visited, g.total)}%` },
          { title: t('elderly.followUpTitle'), dataIndex: 'follow_ups', align: 'right' },
        ],
      }}
    />
  );
}
