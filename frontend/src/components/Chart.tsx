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
          <ReactEChartsCore
            echarts={echarts}
            option={{ color: PRIMARY_PALETTE, textStyle: { fontSize: 14 }, ...option }}
            style={{ height, width: '100%' }}
            opts={{ renderer: 'svg' }}
            notMerge
          />
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
