import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '@/lib/i18n';
import { DataList } from './DataList';

interface Row {
  n: number;
}

const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ n: i + 1 }));

function list(cards?: boolean) {
  return (
    <MemoryRouter>
      <DataList<Row>
        testId="list"
        itemTestId="item"
        rows={rows}
        rowKey={(r) => String(r.n)}
        card={(r) => <span>第 {r.n} 行</span>}
        columns={[{ title: '行', dataIndex: 'n' }]}
        pageSize={20}
        cards={cards}
      />
    </MemoryRouter>
  );
}

describe('DataList', () => {
  // jsdom matches no media query, so the screen counts as a phone.
  it('shows cards on a phone, a page at a time', async () => {
    render(list());
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const cards = screen.getAllByTestId('item');
    expect(cards).toHaveLength(20);
    expect(cards[0]).toHaveClass('ant-card');
    expect(within(cards[0]!).getByText('第 1 行')).toBeInTheDocument();
    await userEvent.click(screen.getByTitle(/next page|下一页/i));
    expect(screen.getAllByTestId('item')).toHaveLength(5);
    expect(screen.getByText('第 25 行')).toBeInTheDocument();
  });

  it('shows a table when it is not a phone', () => {
    render(list(false));
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getAllByTestId('item')).toHaveLength(20);
  });

  it('marks the rows and cards that need attention', () => {
    const marked = (cards: boolean) => (
      <MemoryRouter>
        <DataList<Row>
          itemTestId="item"
          rows={rows.slice(0, 3)}
          rowKey={(r) => String(r.n)}
          card={(r) => <span>第 {r.n} 行</span>}
          columns={[{ title: '行', dataIndex: 'n' }]}
          rowClassName={(r) => (r.n === 2 ? 'xg-row-alert' : undefined)}
          cards={cards}
        />
      </MemoryRouter>
    );
    for (const cards of [true, false]) {
      const { unmount } = render(marked(cards));
      expect(screen.getAllByTestId('item').map((item) => item.classList.contains('xg-row-alert'))).toEqual([false, true, false]);
      unmount();
    }
  });
});
