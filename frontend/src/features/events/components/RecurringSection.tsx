// 定期活动: the recurring events (the nightly square first), each in words — how often, when,
// where, how many — leading to its month calendar; staff add one from here.
import { Card, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { todayInCommunity } from '@/lib/dates';
import { useMe } from '@/lib/session';
import { useSeriesList } from '../api/get-series';
import { KindTag } from './EventTags';
import { formatDay } from './dates';
import { parseRrule, seriesInWords } from './rrule';

export function RecurringSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const series = useSeriesList();
  const today = todayInCommunity();
  const rows = [...(series.data ?? [])].sort((a, b) => Number(b.kind === 'square') - Number(a.kind === 'square'));
  return (
    <Card
      title={t('series.sectionTitle')}
      loading={series.isLoading}
      data-testid="recurring"
      extra={
        me.role === 'staff' && (
          <LinkButton to="/events/series/new" icon={<PlusOutlined aria-hidden />} data-testid="new-series">
            {t('series.create')}
          </LinkButton>
        )
      }
    >
      <List
        dataSource={rows}
        rowKey={(s) => s.id}
        locale={{ emptyText: t('series.none') }}
        renderItem={(s) => {
          const until = parseRrule(s.rrule)?.until;
          return (
            <List.Item data-testid="series-item" style={{ display: 'block' }}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <KindTag kind={s.kind} />
                  <Link to={`/events/series/${s.id}`} style={{ fontSize: 18, overflowWrap: 'anywhere' }} data-testid="series-link">
                    {s.title}
                  </Link>
                </Space>
                <Typography.Text strong>{seriesInWords(t, i18n.language, s)}</Typography.Text>
                <Typography.Text>
                  {t('events.where')}：{s.place}
                </Typography.Text>
                {until && <Typography.Text type="secondary">{t('series.untilDay', { day: formatDay(until, i18n.language, today) })}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
