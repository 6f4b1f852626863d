// What each kind of notification looks like, and where one leads.
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CustomerServiceOutlined,
  FileDoneOutlined,
  MessageOutlined,
  SolutionOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { Notification, NotificationKind } from '../api/get-notifications';

export const KIND_ICONS: Record<NotificationKind, ReactNode> = {
  event_cancelled: <StopOutlined aria-hidden />,
  duty_reminder: <CalendarOutlined aria-hidden />,
  team_request: <UserAddOutlined aria-hidden />,
  team_decision: <CheckCircleOutlined aria-hidden />,
  case_assigned: <SolutionOutlined aria-hidden />,
  case_update: <FileDoneOutlined aria-hidden />,
  request_assigned: <CustomerServiceOutlined aria-hidden />,
  request_update: <MessageOutlined aria-hidden />,
  request_escalated: <AlertOutlined aria-hidden />,
};

export const KIND_COLORS: Record<NotificationKind, string> = {
  event_cancelled: 'orange',
  duty_reminder: 'blue',
  team_request: 'gold',
  team_decision: 'green',
  case_assigned: 'purple',
  case_update: 'blue',
  request_assigned: 'purple',
  request_update: 'blue',
  request_escalated: 'red',
};

/** The page a notification opens: its link when it is a page of this app, else none. */
export function targetOf(n: Pick<Notification, 'link'>): string | undefined {
  const link = n.link.trim();
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : undefined;
}
