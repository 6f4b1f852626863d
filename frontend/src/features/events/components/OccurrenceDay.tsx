// One day of a recurring event in the month view: 在办 or 取消 (with why), the two leaders on duty
// (staff and leaders see them), the headcount they recorded, and 取消这一晚 for staff and leaders
// on today's or a later day still on — 恢复这一晚 (after a confirmation) on one they called off.
import { Button, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../api/get-occurrences';
import { formatDay } from './dates';

/** Whether a day may still be called off (today's or later, and still on). */
export function canCallOff(occurrence: Occurrence, today: string): boolean {
  return occurrence.status === 'scheduled' && occurrence.day >= today;
}

/** Whether a called-off day may be taken back (today's or later): the evenings gone by stay as they were. */
export function canRestore(occurrence: Occurrence, today: string): boolean {
  return occurrence.status === 'cancelled' && occurrence.day >= today;
}

export function OccurrenceDay({
  occurrence,
  today,
  evening,
  onCallOff,
  onRestore,
}: {
  occurrence: Occurrence;
  today: string;
  /** The series runs in the evening: 取消这一晚 rather than 取消这一次. */
  evening: boolean;
  /** Offered to staff and leaders only. */
  onCallOff?: (occurrence: Occurrence) => void;
  /**
   * Offered to staff and leaders only, on a day they called off (not an evening the duty pair
   * recorded as rained off); settles once the day is on again, or could not be.
   */
  onRestore?: (occurrence: Occurrence) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const cancelled = occurrence.status === 'cancelled';
  const action = evening ? t('series.callOffEvening') : t('series.callOffOnce');
  const restore = evening ? t('series.restoreEvening') : t('series.restoreOnce');
  const day = formatDay(occurrence.day, i18n.language, today);
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
        <Button size="small" danger onClick={() => onCallOff(occurrence)} aria-label={t('series.actionFor', { action, day })} data-testid="call-off-day">
          {action}
        </Button>
      )}
      {onRestore && canRestore(occurrence, today) && (
        <Popconfirm
          title={t('series.restoreTitle', { day })}
          description={<div style={{ maxWidth: 260 }}>{t('series.restoreHint')}</div>}
          okText={t('series.restoreConfirm')}
          cancelText={t('series.restoreKeep')}
          okButtonProps={{ 'data-testid': 'restore-day-confirm' } as ButtonProps}
          onConfirm={() => onRestore(occurrence)}
        >
          <Button size="small" aria-label={t('series.actionFor', { action: restore, day })} data-testid="restore-day">
            {restore}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
