// 订阅社区活动日历: the community's public calendar (its events open to all and the recurring
// ones, nothing personal) as a link anyone may subscribe to — copy it, or open it in the phone's
// calendar (webcal). No login is needed, so it may be passed on to neighbours.
import { useId } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { copyText } from '@/lib/clipboard';
import { useMe } from '@/lib/session';

/** The public calendar's address and its webcal:// twin. */
export function publicCalendarUrls(origin: string, communityId: string): { url: string; webcal: string } {
  const url = `${origin}/api/v1/calendar/public/${communityId}.ics`;
  return { url, webcal: url.replace(/^https?:\/\//, 'webcal://') };
}

export function PublicCalendarCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const id = useId();
  const { url, webcal } = publicCalendarUrls(window.location.origin, me.community.id);
  const copy = async () => {
    if (await copyText(url)) void message.success(t('events.publicCalendarCopied'));
    else void message.warning(t('events.publicCalendarCopyFailed'));
  };
  return (
    <Card title={t('events.publicCalendarTitle')} data-testid="public-calendar">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{t('events.publicCalendarIntro')}</Typography.Text>
        <div>
          <label htmlFor={id}>
            <Typography.Text strong>{t('events.publicCalendarUrl')}</Typography.Text>
          </label>
          <Input.TextArea
            id={id}
            value={url}
            readOnly
            autoSize
            onFocus={(e) => e.currentTarget.select()}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all', marginTop: 4 }}
            data-testid="public-calendar-url"
          />
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <Button size="large" href={webcal} icon={<CalendarOutlined aria-hidden />} style={{ flex: '1 1 200px' }} data-testid="public-calendar-webcal">
            {t('events.publicCalendarOpen')}
          </Button>
          <Button size="large" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} style={{ flex: '1 1 200px' }} data-testid="public-calendar-copy">
            {t('events.publicCalendarCopy')}
          </Button>
        </div>
      </Space>
    </Card>
  );
}
