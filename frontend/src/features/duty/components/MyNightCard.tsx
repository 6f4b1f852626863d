// One of a leader's next duty nights, large: how soon (今晚, 明晚, 3 天后), what kind of night,
// the date with its weekday, and who is on with them. On 我的值班 (with what can be done about
// the night underneath) and the leader's home.
import type { ReactNode } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyNight } from '../api/get-my-nights';
import { DutyStatusTag, NightKindTag } from './DutyTags';
import { formatNight, whenText } from './text';

/** One of my next nights, large: when, what kind of night, who is on with me; `children` below. */
export function MyNightCard({ night, today, children }: { night: MyNight; today: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const tonight = night.night === today;
  return (
    <Card size="small" data-testid="my-night" className={tonight ? 'xg-tonight' : undefined}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <Tag color={tonight ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {whenText(t, night.night, today)}
          </Tag>
          <NightKindTag kind={night.kind} holiday={night.holiday} />
          {night.status !== 'scheduled' && <DutyStatusTag status={night.status} />}
        </div>
        <Typography.Text strong style={{ fontSize: '1.375em' }} data-testid="my-night-date">
          {formatNight(night.night, i18n.language, { today, weekday: 'long' })}
        </Typography.Text>
        <Typography.Text data-testid="my-night-partners">
          {night.partners.length > 0 ? t('duty.partners', { names: night.partners.join(t('duty.listSeparator')) }) : t('duty.noPartner')}
        </Typography.Text>
        {children}
      </Space>
    </Card>
  );
}
