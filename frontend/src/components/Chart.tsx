// Charts: Apache ECharts through echarts-for-react (see docs/ARCHITECTURE.md, "The SPA", for
// why). Every chart has its text alternative: a toggle shows the same figures as a table, and
// the chart itself carries an accessible name. Only the chart types in use are bundled.
import { useState, type ReactNode } from 'react';
import { Segmented, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
// The ES module build: the CommonJS one (lib/) loses its default export in a production bundle.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { PRIMARY_PALETTE } from './palette';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type { EChartsOption };

interface ChartProps<Row> {
  /** Accessible name of the chart. */
  label: string;
  option: EChartsOption;
  height?: number;
  /** The same figures as a table. */
  table: { columns: TableColumnsType<Row>; rows: Row[]; rowKey: (row: Row) => string };
  testId?: string;
  extra?: ReactNode;
}

type Axis = Record<string, unknown> & { axisLabel?: Record<string, unknown> };

/** Axis labels, legends and value labels at 14 px at least (ECharts draws 12 px by default). */
function readable(option: EChartsOption): EChartsOption {
  const axes = (value: unknown) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value]).map((axis: Axis) => ({ ...axis, axisLabel: { fontSize: 14, ...axis.axisLabel } }));
  return {
    color: PRIMARY_PALETTE,
    textStyle: { fontSize: 14 },
    ...option,
    xAxis: axes(option.xAxis) as EChartsOption['xAxis'],
    yAxis: axes(option.yAxis) as EChartsOption['yAxis'],
    legend: option.legend ? { textStyle: { fontSize: 14 }, ...(option.legend as object) } : undefined,
    series: (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).map((series) => {
      const label = (series as { label?: Record<string, unknown> }).label;
      return label ? { ...series, label: { fontSize: 14, ...label } } : series;
    }) as EChartsOption['series'],
  };
}

export function Chart<Row extends object>({ label, option, height = 260, table, testId, extra }: ChartProps<Row>) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('chart.chart') },
            { value: 'table', label: t('chart.table') },
          ]}
          data-testid={testId ? `${testId}-toggle` : undefined}
        />
        {extra}
      </div>
      {view === 'chart' ? (
        <div role="img" aria-label={label}>
          <ReactEChartsCore echarts={echarts} option={readable(option)} style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} notMerge />
        </div>
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={table.rows}
          rowKey={table.rowKey}
          columns={table.columns}
          scroll={{ x: 'max-content' }}
          data-testid={testId ? `${testId}-table` : undefined}
        />
      )}
    </div>
  );
}
