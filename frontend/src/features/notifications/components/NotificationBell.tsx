// The bell in the header of every layout: the number of unread notifications as a badge, asked for
// every minute and whenever the window comes back into focus; it opens 通知. Its name says the
// count to a screen reader; on a phone it is a 44 px target.
import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { useNotifications } from '../api/get-notifications';

export function NotificationBell() {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const unread = list.data?.unread ?? 0;
  return (
    <LinkButton
      to="/notifications"
      type="text"
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      data-testid="notification-bell"
      data-unread={unread}
      style={{ minWidth: 44, minHeight: 44, paddingInline: 8, display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Badge count={unread} overflowCount={99} size="small" color="#cf1322" offset={[4, -2]} aria-hidden>
        <BellOutlined style={{ fontSize: 22 }} />
      </Badge>
    </LinkButton>
  );
}
