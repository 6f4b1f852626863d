// Staff home: 求助服务 — the queue in five numbers, each leading to the queue filtered: open
// requests, those nobody has taken yet, those past their time (in red), those the street office
// follows up (已督办), and the follow-up calls due.
import { List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useRequestsSummary } from '../api/get-summary';
import type { RequestsSummary } from '../api/types';

const LINES: { key: keyof RequestsSummary; to: string; alert?: boolean }[] = [
  { key: 'open', to: '/help-requests' },
  { key: 'unassigned', to: '/help-requests?unassigned=1' },
  { key: 'overdue', to: '/help-requests?overdue=1', alert: true },
  { key: 'escalated', to: '/help-requests?escalated=1', alert: true },
  { key: 'followups_due', to: '/help-requests?followup_due=1' },
];

export function HelpRequestsWidget() {
  const { t } = useTranslation();
  const summary = useRequestsSummary();
  const s = summary.data;
  return (
    <Widget
      title={t('helpRequests.widget.title')}
      link="/help-requests/intake"
      linkLabel={t('helpRequests.intake.title')}
      loading={summary.isLoading}
      testId="help-requests-widget"
    >
      {summary.isError ? (
        <Typography.Text type="secondary">{t('problems.unknown')}</Typography.Text>
      ) : (
        <List
          size="small"
          split={false}
          dataSource={LINES}
          rowKey={(l) => l.key}
          renderItem={(l) => {
            const n = s?.[l.key] ?? 0;
            const red = l.alert && n > 0;
            return (
              <List.Item style={{ paddingInline: 0 }} data-testid={`widget-${l.key}`}>
                <Link to={l.to} style={{ display: 'flex', justifyContent: 'space-between', width: '100%', gap: 12 }}>
                  <span>{t(`helpRequests.widget.${l.key}`)}</span>
                  <Typography.Text strong type={red ? 'danger' : undefined} style={{ fontSize: 18 }} data-testid={`widget-${l.key}-count`}>
                    {n}
                  </Typography.Text>
                </Link>
              </List.Item>
            );
          }}
        />
      )}
    </Widget>
  );
}
