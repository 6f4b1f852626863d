// 日历订阅: whether the user's private calendar feed is on; turning it on (or making a new link,
// which ends the old one); the new link shown this once, with 复制链接, 在手机日历中打开 (webcal)
// and how to add it on an iPhone or elsewhere; 停止订阅. It says plainly that whoever has the
// link sees the calendar. On 我的值班 for leaders and on its own page for everyone with a
// calendar (staff: the whole roster; residents: the events they register for, as they come).
import { useId, useState } from 'react';
import { App, Alert, Button, Card, Input, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CalendarOutlined, CopyOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { copyText } from '@/lib/clipboard';
import { formatDateTime, formatRecent } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { useCreateFeed, type NewFeed } from '../api/create-feed';
import { useDeleteFeed } from '../api/delete-feed';
import { useFeed } from '../api/get-feed';

/** The new link, this once: copy it, open it in the phone's calendar, and how to add it. */
function NewLink({ feed }: { feed: NewFeed }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const copy = async () => {
    if (await copyText(feed.url)) void message.success(t('calendar.copied'));
    else void message.warning(t('calendar.copyFailed'));
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="new-feed">
      <Alert type="warning" showIcon message={t('calendar.onceTitle')} description={t('calendar.onceHint')} />
      <div>
        <label htmlFor={id}>
          <Typography.Text strong>{t('calendar.urlLabel')}</Typography.Text>
        </label>
        <Input.TextArea
          id={id}
          value={feed.url}
          readOnly
          autoSize
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all', marginTop: 4 }}
          data-testid="feed-url"
        />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Button
          type="primary"
          size="large"
          href={feed.webcal_url}
          icon={<CalendarOutlined aria-hidden />}
          style={{ flex: '1 1 200px' }}
          data-testid="open-webcal"
        >
          {t('calendar.openInCalendar')}
        </Button>
        <Button size="large" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} style={{ flex: '1 1 200px' }} data-testid="copy-feed">
          {t('calendar.copy')}
        </Button>
      </div>
      <div data-testid="feed-howto">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('calendar.howTitle')}
        </Typography.Title>
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          <li>{t('calendar.howOpen')}</li>
          <li>{t('calendar.howIphone')}</li>
          <li>{t('calendar.howOthers')}</li>
          <li>{t('calendar.howUpdates')}</li>
        </ul>
      </div>
    </Space>
  );
}

export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const report = useReportError();
  const feed = useFeed();
  const create = useCreateFeed();
  const stop = useDeleteFeed();
  const [created, setCreated] = useState<NewFeed | null>(null);
  const active = feed.data?.active ?? false;
  const make = () =>
    create
      .mutateAsync()
      .then(setCreated)
      .catch((e: unknown) => report(e));
  const end = () =>
    stop
      .mutateAsync()
      .then(() => {
        setCreated(null);
        void message.success(t('calendar.stopped'));
      })
      .catch((e: unknown) => report(e));
  const intro = me.role === 'staff' ? t('calendar.introStaff') : me.role === 'group_leader' ? t('calendar.introLeader') : t('calendar.introResident');
  return (
    <Card title={t('calendar.title')} loading={feed.isLoading} data-testid="calendar-feed">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{intro}</Typography.Text>
        <div data-testid="feed-status" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <Tag color={active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {active ? t('calendar.on') : t('calendar.off')}
          </Tag>
          <Typography.Text type="secondary">
            {active && feed.data?.created_at
              ? t('calendar.since', {
                  created: formatDateTime(feed.data.created_at, i18n.language),
                  read: feed.data.last_read_at ? formatRecent(feed.data.last_read_at, i18n.language) : t('calendar.neverRead'),
                })
              : t('calendar.offHint')}
          </Typography.Text>
        </div>
        <Alert type="info" showIcon message={t('calendar.privacy')} data-testid="feed-privacy" />
        {created && <NewLink feed={created} />}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          {active ? (
            <Popconfirm
              title={t('calendar.replaceConfirm')}
              description={<div style={{ maxWidth: 280 }}>{t('calendar.replaceHint')}</div>}
              okText={t('calendar.replace')}
              cancelText={t('calendar.cancel')}
              okButtonProps={{ size: 'large', 'data-testid': 'replace-confirm' } as ButtonProps}
              cancelButtonProps={{ size: 'large' }}
              onConfirm={make}
            >
              <Button size="large" icon={<ReloadOutlined aria-hidden />} loading={create.isPending} style={{ flex: '1 1 200px' }} data-testid="create-feed">
                {t('calendar.replace')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="primary"
              size="large"
              icon={<CalendarOutlined aria-hidden />}
              loading={create.isPending}
              onClick={() => void make()}
              style={{ flex: '1 1 200px' }}
              data-testid="create-feed"
            >
              {t('calendar.create')}
            </Button>
          )}
          {active && (
            <Popconfirm
              title={t('calendar.stopConfirm')}
              description={<div style={{ maxWidth: 280 }}>{t('calendar.stopHint')}</div>}
              okText={t('calendar.stop')}
              cancelText={t('calendar.cancel')}
              okButtonProps={{ size: 'large', danger: true, 'data-testid': 'stop-confirm' } as ButtonProps}
              cancelButtonProps={{ size: 'large' }}
              onConfirm={end}
            >
              <Button size="large" danger icon={<StopOutlined aria-hidden />} loading={stop.isPending} style={{ flex: '1 1 200px' }} data-testid="stop-feed">
                {t('calendar.stop')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </Space>
    </Card>
  );
}
