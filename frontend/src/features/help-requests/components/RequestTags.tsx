// A request's kind, status, time left and escalation as tags: each says its meaning in words
// (colour is only a second sign) — overdue in red with a warning icon, under a day in orange.
import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RequestKind, RequestStatus, RequestSummary } from '../api/types';
import { STATUS_COLORS, timeLeft } from './text';

const tag = { marginInlineEnd: 0 };

export function KindTag({ kind }: { kind: RequestKind }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" style={tag} data-testid="request-kind">
      {t(`helpRequests.kind.${kind}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={tag} data-testid="request-status" data-status={status}>
      {t(`helpRequests.status.${status}`)}
    </Tag>
  );
}

/** Red "已超时2天", orange "剩5小时", green "剩3天"; nothing once finished. */
export function TimeLeftTag({ row }: { row: Pick<RequestSummary, 'status' | 'resolution_due_at' | 'overdue'> }) {
  const { t } = useTranslation();
  const left = timeLeft(t, row);
  if (!left) return null;
  return (
    <Tag
      color={left.tone}
      icon={left.tone === 'red' ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
      style={{ ...tag, fontWeight: left.tone === 'green' ? undefined : 600 }}
      data-testid="time-left"
      data-tone={left.tone}
    >
      {left.text}
    </Tag>
  );
}

/** 已督办 (escalated) and 超时未派单 (not assigned within the response limit). */
export function AlertTags({ row }: { row: Pick<RequestSummary, 'escalated' | 'response_overdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      {row.escalated && (
        <Tag color="red" icon={<RiseOutlined aria-hidden />} style={tag} data-testid="escalated">
          {t('helpRequests.escalated')}
        </Tag>
      )}
      {row.response_overdue && (
        <Tag color="volcano" style={tag} data-testid="response-overdue">
          {t('helpRequests.responseOverdue')}
        </Tag>
      )}
    </>
  );
}
