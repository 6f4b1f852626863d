// Staff home: the newest visit campaign's progress and how many the office should follow up.
import { Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useCampaigns } from '../api/get-campaigns';
import { CampaignProgress } from './CampaignProgress';

export function VisitProgressWidget() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const c = campaigns.data?.[0];
  return (
    <Widget
      title={c ? c.name : t('elderly.visitsTitle')}
      link={c ? `/elderly/visits/${c.id}` : '/elderly/visits'}
      linkLabel={c ? t('elderly.toCampaign') : t('elderly.toCampaigns')}
      loading={campaigns.isLoading}
      testId="visit-progress-widget"
    >
      {c ? (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <CampaignProgress visited={c.visited} total={c.total} label={t('elderly.progressOf', { name: c.name })} />
          {c.follow_ups > 0 && (
            <Link to={`/elderly/visits/${c.id}`}>
              <Typography.Text strong>{t('elderly.followUps', { count: c.follow_ups })}</Typography.Text>
            </Link>
          )}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elderly.noCampaigns')} />
      )}
    </Widget>
  );
}
