// Staff home: pledges waiting for a decision, the oldest first, each a link.
import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { formatDateTime } from '@/lib/format';
import { usePendingPledges } from '../api/get-pending-pledges';
import { describeSupport } from './text';

export function PendingPledgesWidget() {
  const { t, i18n } = useTranslation();
  const pending = usePendingPledges(true);
  const items = pending.data?.items ?? [];
  const count = `${items.length}${pending.data?.next_cursor ? '+' : ''}`;
  return (
    <Widget
      title={<span data-testid="pending-pledges">{t('home.pendingPledges', { count })}</span>}
      link="/pledges?status=submitted"
      linkLabel={t('home.reviewPledges')}
      loading={pending.isLoading}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingToReview')} />
      ) : (
        <List
          size="small"
          dataSource={[...items].reverse().slice(0, 5)}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/pledges/${p.id}`}>
                {p.partner_name} · {describeSupport(t, i18n.language, p.support)}
              </Link>
              <Typography.Text type="secondary">{formatDateTime(p.created_at, i18n.language)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Widget>
  );
}
