// Generating the roster for a period (next month unless chosen otherwise): the dialog says
// first what stays as it is — locked nights and nights already recorded — and the result says
// how many duties were handed out, which nights nobody could take, where the rest between
// duties could not be kept, and how far apart the most and the least loaded leaders are.
import { useState } from 'react';
import { Alert, DatePicker, Form, List, Modal, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { monthPeriod } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { useGenerateRoster, type GenerateResult } from '../api/generate-roster';
import { formatNight, spreadText } from './text';

export function GenerateModal({
  open,
  today,
  onClose,
  onDone,
}: {
  open: boolean;
  today: string;
  onClose: () => void;
  onDone: (result: GenerateResult) => void;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const generate = useGenerateRoster();
  const next = monthPeriod(today, 1);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(next.from), dayjs(next.to)]);
  const run = async () => {
    try {
      const result = await generate.mutateAsync({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      onDone(result);
      onClose();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('duty.generateTitle')}
      onCancel={onClose}
      onOk={() => void run()}
      okText={t('duty.generateConfirm')}
      okButtonProps={{ 'data-testid': 'generate-confirm' } as ButtonProps}
      cancelText={t('duty.cancel')}
      confirmLoading={generate.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('duty.period')} htmlFor="generate-period" extra={t('duty.periodHint')}>
          <DatePicker.RangePicker
            id={{ start: 'generate-period' }}
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isBefore(dayjs(today), 'day')}
            data-testid="generate-period"
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon message={t('duty.generateKeeps')} description={t('duty.generateExplain')} />
    </Modal>
  );
}

/** What a generation did, in plain words. */
export function GenerateResultCard({ result, today, onClose }: { result: GenerateResult; today: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const night = (day: string) => formatNight(day, i18n.language, { today });
  const clean = result.short.length === 0 && result.rest_broken.length === 0;
  return (
    <Alert
      type={clean ? 'success' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      data-testid="generate-result"
      message={t('duty.generated', { first: night(result.from), last: night(result.to), count: result.assigned })}
      description={
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{spreadText(t, i18n.language, result.spread)}</Typography.Paragraph>
          {result.short.length > 0 && (
            <>
              <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
                {t('duty.shortNights', { count: result.short.length })}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={result.short}
                rowKey={(s) => s.night}
                renderItem={(s) => (
                  <List.Item data-testid="short-night">
                    {night(s.night)} · {t('duty.short', { count: s.missing })}
                  </List.Item>
                )}
              />
            </>
          )}
          {result.rest_broken.length > 0 && (
            <>
              <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
                {t('duty.restBroken', { count: result.rest_broken.length })}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={result.rest_broken}
                rowKey={(r) => `${r.night}-${r.leader_user_id}`}
                renderItem={(r) => (
                  <List.Item data-testid="rest-broken">
                    {night(r.night)} · {r.leader_name || t('duty.someLeader')}
                  </List.Item>
                )}
              />
            </>
          )}
          {clean && <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('duty.allCovered')}</Typography.Paragraph>}
        </>
      }
    />
  );
}
