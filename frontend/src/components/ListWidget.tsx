// A home-page widget that lists a few records, each a link: what today's-work widgets share (a
// titled card, "nothing here" in plain words, the first few items). Each item is one line — the
// link, and beside it a short note (a time, a phone, a status) — with an optional second line.
import type { ReactNode } from 'react';
import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { Widget } from './Widget';

export interface ListWidgetItem {
  key: string;
  /** Where the item leads. */
  to: string;
  /** The link's text. */
  label: ReactNode;
  /** Beside the link, in secondary text: a time, a phone, a status. */
  note?: ReactNode;
  /** A second line under the link. */
  detail?: ReactNode;
}

export function ListWidget({
  title,
  link,
  linkLabel,
  testId,
  itemTestId,
  loading,
  empty,
  items,
  max = 5,
}: {
  title: ReactNode;
  link?: string;
  linkLabel?: ReactNode;
  testId?: string;
  itemTestId?: string;
  loading?: boolean;
  /** Shown when there is nothing to list. */
  empty: ReactNode;
  items: ListWidgetItem[];
  /** How many items to show at most. */
  max?: number;
}) {
  return (
    <Widget title={title} link={link} linkLabel={linkLabel} loading={loading} testId={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, max)}
          rowKey={(item) => item.key}
          renderItem={(item) => (
            <List.Item style={{ display: 'block' }} data-testid={itemTestId}>
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: '4px 12px' }}>
                <Link to={item.to} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {item.label}
                </Link>
                {item.note !== undefined && <Typography.Text type="secondary">{item.note}</Typography.Text>}
              </div>
              {item.detail}
            </List.Item>
          )}
        />
      )}
    </Widget>
  );
}
