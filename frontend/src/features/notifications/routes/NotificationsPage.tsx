// 通知: the user's own notifications, newest first (the newest 50), and 全部标为已读.
import { Button } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useReportError } from '@/lib/forms';
import { useNotifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';
import { NotificationList } from '../components/NotificationList';

export function NotificationsPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const list = useNotifications();
  const mark = useMarkRead();
  const unread = list.data?.unread ?? 0;
  const markRead = (id: string | null) => mark.mutate(id, { onError: (e) => report(e) });
  return (
    <PageShell
      title={t('notifications.title')}
      intro={unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.allRead')}
      actions={
        <Button size="large" icon={<CheckOutlined aria-hidden />} disabled={unread === 0} onClick={() => markRead(null)} data-testid="mark-all-read">
          {t('notifications.markAllRead')}
        </Button>
      }
      testId="notifications-page"
    >
      <NotificationList items={list.data?.items ?? []} loading={list.isLoading} onMarkRead={markRead} />
    </PageShell>
  );
}
