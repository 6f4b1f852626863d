// A list that is a table at a desk and cards on a phone (a 360 px screen cannot show a 600 px
// table). Each row's main cell is a link, so rows are reachable with Tab; a click anywhere on the
// row or card opens it too.
import type { ReactNode } from 'react';
import { Card, Empty, Grid, List, Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';

interface DataListProps<T> {
  rows: T[];
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  /** The card for one row on a phone. */
  card: (row: T) => ReactNode;
  /** Where a click on a row or card goes. */
  href?: (row: T) => string;
  loading?: boolean;
  empty?: ReactNode;
  testId?: string;
  /** Test id of a row (table) or card (phone). */
  itemTestId?: string;
  /** Force cards (e.g. narrow panels on a desk). */
  cards?: boolean;
  /** Show the rows a page at a time (long lists that are not paged by the server). */
  pageSize?: number;
  /** A class for a row or card that needs attention (e.g. `xg-row-alert`). */
  rowClassName?: (row: T) => string | undefined;
}

export function DataList<T extends object>({
  rows,
  rowKey,
  columns,
  card,
  href,
  loading,
  empty,
  testId,
  itemTestId,
  cards,
  pageSize,
  rowClassName,
}: DataListProps<T>) {
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const phone = cards ?? screens.md === false;
  const emptyText = empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : undefined;
  if (phone) {
    return (
      <List
        data-testid={testId}
        loading={loading}
        dataSource={rows}
        rowKey={rowKey}
        locale={emptyText ? { emptyText } : undefined}
        split={false}
        pagination={pageSize ? { pageSize, simple: true, align: 'center', hideOnSinglePage: true } : undefined}
        renderItem={(row) => (
          <List.Item style={{ padding: '6px 0' }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              className={[href ? 'xg-clickable' : undefined, rowClassName?.(row)].filter(Boolean).join(' ') || undefined}
              onClick={
                href
                  ? (e) => {
                      if ((e.target as HTMLElement).closest('a,button')) return;
                      navigate(href(row));
                    }
                  : undefined
              }
              data-testid={itemTestId}
            >
              {card(row)}
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<T>
      data-testid={testId}
      rowKey={rowKey}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pageSize ? { pageSize, showSizeChanger: false, hideOnSinglePage: true } : false}
      scroll={{ x: 'max-content' }}
      locale={emptyText ? { emptyText } : undefined}
      columns={columns}
      onRow={(row) =>
        ({
          'data-testid': itemTestId,
          className: [href ? 'xg-clickable' : undefined, rowClassName?.(row)].filter(Boolean).join(' ') || undefined,
          onClick: href
            ? (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                navigate(href(row));
              }
            : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
