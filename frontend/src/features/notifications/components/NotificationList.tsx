// The notifications, newest first: what kind (icon and label), the title (bold and marked 未读
// while unread), the text and when. One with a page opens it and counts as read; one without has
// 标为已读.
import { Button, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatRecent } from '@/lib/format';
import type { Notification } from '../api/get-notifications';
import { KindTag } from './KindTag';
import { targetOf } from './text';

export function NotificationList({ items, onMarkRead, loading }: { items: Notification[]; onMarkRead: (id: string) => void; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!loading && items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />;
  return (
    <List
      loading={loading}
      dataSource={items}
      rowKey={(n) => n.id}
      data-testid="notification-list"
      renderItem={(n) => {
        const title = (
          <Typography.Text strong={!n.read} style={{ fontSize: 18, overflowWrap: 'anywhere' }}>
            {n.title}
          </Typography.Text>
        );
        return (
          <List.Item
            data-testid="notification"
            data-read={n.read}
            style={{ display: 'block', paddingInlineStart: 12, borderInlineStart: `4px solid ${n.read ? 'transparent' : '#cf1322'}` }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
              <KindTag kind={n.kind} />
              {!n.read && (
                <Tag color="red" data-testid="unread-mark">
                  {t('notifications.unread')}
                </Tag>
              )}
              <Typography.Text type="secondary">{formatRecent(n.created_at, i18n.language)}</Typography.Text>
            </div>
            <div style={{ marginTop: 4 }}>
              {targetOf(n) ? (
                <Link to={`/notifications/${n.id}`} data-testid="open-notification">
                  {title}
                </Link>
              ) : (
                title
              )}
            </div>
            {n.body && <Typography.Paragraph style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>{n.body}</Typography.Paragraph>}
            {!n.read && !targetOf(n) && (
              <Button size="large" style={{ marginTop: 8 }} onClick={() => onMarkRead(n.id)} data-testid="mark-read">
                {t('notifications.markRead')}
              </Button>
            )}
          </List.Item>
        );
      }}
    />
  );
}
