// One day of a recurring event in the month view: 在办 or 取消 (with why), the two leaders on duty
// (staff and leaders see them), the headcount they recorded, and 取消这一晚 for staff and leaders
// on today's or a later day still on.
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../api/get-occurrences';
import { formatDay } from './dates';

/** Whether a day may still be called off (today's or later, and still on). */
export function canCallOff(occurrence: Occurrence, today: string): boolean {
  return occurrence.status === 'scheduled' && occurrence.day >= today;
}

export function OccurrenceDay({
  occurrence,
  today,
  evening,
  onCallOff,
}: {
  occurrence: Occurrence;
  today: string;
  /** The series runs in the evening: 取消这一晚 rather than 取消这一次. */
  evening: boolean;
  /** Offered to staff and leaders only. */
  onCallOff?: (occurrence: Occurrence) => void;
}) {
  const { t, i18n } = useTranslation();
  const cancelled = occurrence.status === 'cancelled';
  const action = evening ? t('series.callOffEvening') : t('series.callOffOnce');
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="occurrence" data-status={occurrence.status}>
      <Tag color={cancelled ? 'red' : 'green'} style={{ marginInlineEnd: 0 }} data-testid="occurrence-status">
        {cancelled ? t('series.cancelled') : t('series.on')}
      </Tag>
      {cancelled && occurrence.cancel_reason && (
        <Typography.Text data-testid="occurrence-reason">{t('series.reasonIs', { reason: occurrence.cancel_reason })}</Typography.Text>
      )}
      {occurrence.on_duty.length > 0 && (
        <div data-testid="occurrence-leaders">
          <Typography.Text type="secondary">{t('series.onDuty')}</Typography.Text>
          {occurrence.on_duty.map((name) => (
            <div key={name} data-testid="occurrence-leader">
              {name}
            </div>
          ))}
        </div>
      )}
      {occurrence.headcount != null && (
        <Typography.Text strong data-testid="occurrence-headcount">
          {t('series.headcount', { count: occurrence.headcount })}
        </Typography.Text>
      )}
      {onCallOff && canCallOff(occurrence, today) && (
        <Button
          size="small"
          danger
          onClick={() => onCallOff(occurrence)}
          aria-label={t('series.actionFor', { action, day: formatDay(occurrence.day, i18n.language, today) })}
          data-testid="call-off-day"
        >
          {action}
        </Button>
      )}
    </Space>
  );
}
