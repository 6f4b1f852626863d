// 节日走访 (staff): the visit campaigns, newest first, each with its progress and how many need
// the office to follow up; 新建走访 makes the next one's worklist.
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { PageShell } from '@/components/PageShell';
import { useCampaigns, type Campaign } from '../api/get-campaigns';
import { CampaignProgress } from '../components/CampaignProgress';
import { NewCampaignModal } from '../components/NewCampaignModal';
import { formatDay } from '../components/text';

export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const name = (c: Campaign) => (
    <Link to={`/elderly/visits/${c.id}`} style={{ fontWeight: 600 }}>
      {c.name}
    </Link>
  );
  const who = (c: Campaign) =>
    c.cadre_min_age != null ? t('elderly.whoWithCadres', { age: c.resident_min_age, cadre: c.cadre_min_age }) : t('elderly.who', { age: c.resident_min_age });
  const progress = (c: Campaign) => <CampaignProgress visited={c.visited} total={c.total} label={t('elderly.progressOf', { name: c.name })} />;
  const followUps = (c: Campaign) => (c.follow_ups > 0 ? t('elderly.followUps', { count: c.follow_ups }) : '—');
  return (
    <PageShell
      title={t('elderly.visitsTitle')}
      testId="campaigns-page"
      actions={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="new-campaign">
          {t('elderly.newCampaign')}
        </Button>
      }
    >
      <DataList<Campaign>
        rows={campaigns.data ?? []}
        rowKey={(c) => c.id}
        loading={campaigns.isLoading}
        empty={t('elderly.noCampaigns')}
        testId="campaigns-list"
        itemTestId="campaign-row"
        href={(c) => `/elderly/visits/${c.id}`}
        columns={[
          { title: t('elderly.campaignName'), key: 'name', render: (_, c) => name(c) },
          { title: t('elderly.festivalOn'), key: 'festival', render: (_, c) => formatDay(c.festival_on, i18n.language) },
          { title: t('elderly.whoTitle'), key: 'who', render: (_, c) => who(c) },
          { title: t('elderly.progressTitle'), key: 'progress', width: 220, render: (_, c) => progress(c) },
          { title: t('elderly.followUpTitle'), key: 'followUps', render: (_, c) => followUps(c) },
        ]}
        card={(c) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <span style={{ fontSize: '1.125em' }}>{name(c)}</span>
            <Typography.Text type="secondary">
              {formatDay(c.festival_on, i18n.language)} · {who(c)}
            </Typography.Text>
            {progress(c)}
            {c.follow_ups > 0 && <span>{followUps(c)}</span>}
          </Space>
        )}
      />
      <NewCampaignModal open={creating} onClose={() => setCreating(false)} />
    </PageShell>
  );
}
