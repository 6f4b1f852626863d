// Home, every role: the unread notifications (a leader's 明晚您在广场值班, a resident's team
// decision, a called-off event), each opening its page and counting as read. With nothing unread
// it is one short line, leaving the screen to the role's own work.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { Widget } from '@/components/Widget';
import { formatRecent } from '@/lib/format';
import { useNotifications } from '../api/get-notifications';
import { KindTag } from './KindTag';

export function NotificationsWidget() {
  const { t, i18n } = useTranslation();
  const list = useNotifications(true);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  if (list.isSuccess && items.length === 0) {
    return (
      <Widget title={t('notifications.title')} link="/notifications" linkLabel={t('notifications.all')} testId="notifications-widget">
        <Typography.Text type="secondary">{t('notifications.noneUnread')}</Typography.Text>
      </Widget>
    );
  }
  return (
    <ListWidget
      title={t('notifications.widgetTitle', { count: unread })}
      link="/notifications"
      linkLabel={t('notifications.all')}
      testId="notifications-widget"
      itemTestId="notifications-widget-item"
      loading={list.isLoading}
      empty={t('notifications.noneUnread')}
      items={items.map((n) => ({
        key: n.id,
        to: `/notifications/${n.id}`,
        label: n.title,
        note: formatRecent(n.created_at, i18n.language),
        detail: (
          <div style={{ marginTop: 4 }}>
            <KindTag kind={n.kind} /> {n.body}
          </div>
        ),
      }))}
    />
  );
}
