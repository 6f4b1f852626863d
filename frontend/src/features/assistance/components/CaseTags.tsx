// A case's kind, status and deadline as tags: each says its meaning in words (colour is only a
// second sign), an overdue deadline with a warning icon and "已超期…".
import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../api/get-cases';
import { deadlineText, formatDay, STATUS_COLORS } from './text';

export function KindTag({ name }: { name: string }) {
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }}>
      {name}
    </Tag>
  );
}

export function StatusTag({ status }: { status: CaseSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="case-status">
      {t(`assistance.status.${status}`)}
    </Tag>
  );
}

/** The current step's deadline: "剩3个工作日" with the day, or a red "已超期2个工作日". */
export function DeadlineCell({
  row,
  showDay = true,
}: {
  row: Pick<CaseSummary, 'status' | 'working_days_left' | 'step_due_on' | 'overdue'>;
  showDay?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (row.status !== 'open') return <span>—</span>;
  const text = deadlineText(t, row.working_days_left);
  if (text == null) return <Typography.Text type="secondary">{t('assistance.deadline.none')}</Typography.Text>;
  const overdue = row.overdue || (row.working_days_left ?? 0) < 0;
  return (
    <Space direction="vertical" size={0} data-testid="case-deadline">
      {overdue ? (
        <Tag color="red" icon={<ExclamationCircleOutlined aria-hidden />} style={{ marginInlineEnd: 0, fontWeight: 600 }}>
          {text}
        </Tag>
      ) : (
        <span>
          <ClockCircleOutlined aria-hidden /> {text}
        </span>
      )}
      {showDay && row.step_due_on && (
        <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
          {t('assistance.deadline.dueOn', { day: formatDay(row.step_due_on, i18n.language) })}
        </Typography.Text>
      )}
    </Space>
  );
}
