// The fairness ledger as a chart: one bar per leader, the weighted nights already served and
// those still ahead this year stacked, so an uneven share shows at a glance. The table beside it
// (the chart's text alternative) gives every figure, no-shows included.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import type { LedgerLine } from '../api/get-ledger';
import { formatNights, tenthsToNights } from './text';

/** Leaders in group order (then by name), so the bars read like the list of groups. */
export function sortLines(lines: LedgerLine[]): LedgerLine[] {
  return [...lines].sort((a, b) => (a.group_number ?? 9999) - (b.group_number ?? 9999) || a.leader_name.localeCompare(b.leader_name, 'zh-CN'));
}

/** The short name of a bar: "张三 3组". */
export function barLabel(t: TFunction, line: LedgerLine): string {
  return line.group_number == null ? line.leader_name : t('duty.barLabel', { name: line.leader_name, group: line.group_number });
}

export function LedgerChart({ lines, meId }: { lines: LedgerLine[]; meId?: string }) {
  const { t, i18n } = useTranslation();
  const rows = sortLines(lines);
  const nights = (tenths: number) => formatNights(t, i18n.language, tenths);
  const labels = rows.map((l) => (l.leader_user_id === meId ? t('duty.meBar', { label: barLabel(t, l) }) : barLabel(t, l)));
  return (
    <Chart<LedgerLine>
      testId="ledger-chart"
      label={t('duty.chartLabel')}
      height={Math.max(260, rows.length * 30 + 80)}
      option={{
        grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => nights(Number(v) * 10) },
        xAxis: { type: 'value', name: t('duty.nightUnit'), minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: labels },
        series: [
          { type: 'bar', stack: 'load', name: t('duty.servedSeries'), data: rows.map((l) => tenthsToNights(l.served_weight)) },
          {
            type: 'bar',
            stack: 'load',
            name: t('duty.scheduledSeries'),
            data: rows.map((l) => tenthsToNights(l.scheduled_weight)),
            label: {
              show: true,
              position: 'right',
              formatter: ({ dataIndex }) => {
                const line = rows[dataIndex];
                return line ? String(tenthsToNights(line.served_weight + line.scheduled_weight)) : '';
              },
            },
          },
        ],
      }}
      table={{
        rows,
        rowKey: (l) => l.leader_user_id,
        columns: [
          { title: t('duty.leader'), key: 'name', render: (_, l) => (l.leader_user_id === meId ? t('duty.meBar', { label: l.leader_name }) : l.leader_name) },
          { title: t('duty.group'), key: 'group', render: (_, l) => (l.group_number == null ? '—' : t('duty.groupNumber', { group: l.group_number })) },
          { title: t('duty.servedNights'), dataIndex: 'served_nights', align: 'right' },
          { title: t('duty.servedWeight'), key: 'served', align: 'right', render: (_, l) => nights(l.served_weight) },
          { title: t('duty.scheduledNights'), dataIndex: 'scheduled_nights', align: 'right' },
          { title: t('duty.scheduledWeight'), key: 'scheduled', align: 'right', render: (_, l) => nights(l.scheduled_weight) },
          { title: t('duty.totalWeight'), key: 'total', align: 'right', render: (_, l) => nights(l.served_weight + l.scheduled_weight) },
          { title: t('duty.noShows'), dataIndex: 'no_shows', align: 'right' },
        ],
      }}
    />
  );
}
