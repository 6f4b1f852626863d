// Opening a notification (/notifications/:id, from the list, the home widget or a bookmark): it
// counts as read, and the page it is about opens in its place (back leads to where one came from).
// One without a page of its own, or no longer there, leads to 通知.
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { notificationsKey, useNotifications, type Notifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';
import { targetOf } from '../components/text';

export function OpenNotificationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { mutate } = useMarkRead();
  const cached = [true, false]
    .flatMap((unreadOnly) => queryClient.getQueryData<Notifications>(notificationsKey(unreadOnly))?.items ?? [])
    .find((n) => n.id === id);
  const all = useNotifications(false, !cached);
  const found = cached ?? all.data?.items.find((n) => n.id === id);
  const ready = cached !== undefined || all.isSuccess || all.isError;
  const target = (found && targetOf(found)) ?? '/notifications';
  const opened = useRef(false);
  useEffect(() => {
    if (!ready || opened.current) return;
    opened.current = true;
    mutate(id);
    navigate(target, { replace: true });
  }, [ready, id, target, mutate, navigate]);
  return <PageShell title={t('notifications.title')} loading testId="open-notification-page" />;
}
