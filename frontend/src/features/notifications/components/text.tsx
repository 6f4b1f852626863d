// What each kind of notification looks like, and where one leads.
import type { ReactNode } from 'react';
import { CalendarOutlined, CheckCircleOutlined, FileDoneOutlined, SolutionOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Notification, NotificationKind } from '../api/get-notifications';

export const KIND_ICONS: Record<NotificationKind, ReactNode> = {
  event_cancelled: <StopOutlined aria-hidden />,
  duty_reminder: <CalendarOutlined aria-hidden />,
  team_request: <UserAddOutlined aria-hidden />,
  team_decision: <CheckCircleOutlined aria-hidden />,
  case_assigned: <SolutionOutlined aria-hidden />,
  case_update: <FileDoneOutlined aria-hidden />,
};

export const KIND_COLORS: Record<NotificationKind, string> = {
  event_cancelled: 'orange',
  duty_reminder: 'blue',
  team_request: 'gold',
  team_decision: 'green',
  case_assigned: 'purple',
  case_update: 'blue',
};

/** The page a notification opens: its link when it is a page of this app, else none. */
export function targetOf(n: Pick<Notification, 'link'>): string | undefined {
  const link = n.link.trim();
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : undefined;
}
