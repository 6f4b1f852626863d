import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@/lib/i18n';
import { Chart } from './Chart';

describe('Chart', () => {
  it('has an accessible name and a table with the same figures', async () => {
    render(
      <Chart<{ k: string; n: number }>
        label="各年龄段人数"
        option={{ xAxis: { type: 'category', data: ['0-17'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [450] }] }}
        table={{
          rows: [{ k: '0-17', n: 450 }],
          rowKey: (r) => r.k,
          columns: [
            { title: '年龄', dataIndex: 'k' },
            { title: '人数', dataIndex: 'n' },
          ],
        }}
      />,
    );
    expect(screen.getByRole('img', { name: '各年龄段人数' })).toBeInTheDocument();
    await userEvent.click(screen.getByText('表格'));
    expect(screen.getByRole('table')).toHaveTextContent('450');
  });
});
