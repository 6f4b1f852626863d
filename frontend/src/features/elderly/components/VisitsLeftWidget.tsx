// A leader's home, while a visit campaign is on: "2026年重阳节走访：还有 3 位未走访", the progress,
// and one big button to the people.
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { Widget } from '@/components/Widget';
import { todayInCommunity } from '@/lib/dates';
import { useCampaigns } from '../api/get-campaigns';
import { CampaignProgress } from './CampaignProgress';
import { remaining, stillCurrent } from './text';

export function VisitsLeftWidget() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const c = campaigns.data?.[0];
  if (!c || !stillCurrent(c, todayInCommunity())) return null;
  const left = remaining(c.visited, c.total);
  return (
    <Widget
      title={
        <span data-testid="visits-left">
          {left > 0 ? t('elderly.leftWidget', { name: c.name, count: left }) : t('elderly.allVisitedWidget', { name: c.name })}
        </span>
      }
      testId="visits-left-widget"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <CampaignProgress visited={c.visited} total={c.total} label={t('elderly.progressOf', { name: c.name })} large />
        <LinkButton to="/visits" type={left > 0 ? 'primary' : 'default'} size="large" block data-testid="go-visit">
          {t('elderly.goVisit')}
        </LinkButton>
      </Space>
    </Widget>
  );
}
