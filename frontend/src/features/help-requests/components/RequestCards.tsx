// The requester's side's list on a phone: one big card per request — what it is about, where it
// stands in plain words, when it was sent — each one link to its page. A request waiting for a
// rating says so.
import { Card, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/LoadMore';
import { formatDateTime } from '@/lib/format';
import type { RequestSummary } from '../api/types';
import { KindTag, StatusTag } from './RequestTags';

interface RequestCardsProps {
  rows: RequestSummary[];
  base: string;
  empty: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Show who it is for (a leader's list: residents of the group). */
  showCaller?: boolean;
}

export function RequestCards({ rows, base, empty, hasMore, loadingMore, onLoadMore, showCaller = false }: RequestCardsProps) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="request-cards">
      {rows.length === 0 && (
        <Typography.Paragraph style={{ fontSize: 18 }} data-testid="requests-empty">
          {empty}
        </Typography.Paragraph>
      )}
      {rows.map((r) => (
        <Card key={r.id} size="small" data-testid="request-card" data-status={r.status}>
          <Link to={`${base}/${r.id}`} style={{ display: 'flex', alignItems: 'center', gap: 12, color: 'inherit', minHeight: 48 }}>
            <Space direction="vertical" size={4} style={{ flex: 1, minWidth: 0 }}>
              <Space wrap size={6}>
                <KindTag kind={r.kind} />
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {r.category_name}
                </Typography.Text>
              </Space>
              <span style={{ fontSize: 16, overflowWrap: 'anywhere' }}>{r.description}</span>
              <Space wrap size={6}>
                <StatusTag status={r.status} />
                <span style={{ fontSize: 16 }} data-testid="request-card-state">
                  {t(`helpRequests.family.${r.status}`)}
                </span>
              </Space>
              <Typography.Text type="secondary">
                {showCaller && `${r.caller_name} · `}
                {formatDateTime(r.received_at, i18n.language)}
              </Typography.Text>
            </Space>
            <RightOutlined aria-hidden />
          </Link>
        </Card>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} count={rows.length} onLoad={onLoadMore} />
    </Space>
  );
}
