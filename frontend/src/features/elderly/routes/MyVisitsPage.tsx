// 走访, a group leader's page on their phone: the newest campaign's people of their group as big
// cards — those still to visit first, then those visited — under one line of progress
// ("已走访 12 / 18"). Tapping a person opens the sheet that records the visit in two more taps.
import { useState } from 'react';
import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useCampaigns } from '../api/get-campaigns';
import { useVisits, type Visit } from '../api/get-visits';
import { CampaignProgress } from '../components/CampaignProgress';
import { PersonCard } from '../components/PersonCard';
import { VisitSheet } from '../components/VisitSheet';
import { formatDay, splitVisits } from '../components/text';

export function MyVisitsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const campaign = campaigns.data?.[0];
  const visits = useVisits(campaign?.id);
  const [open, setOpen] = useState<Visit | null>(null);
  const { todo, done } = splitVisits(visits.data ?? []);
  const section = (title: string, rows: Visit[], testId: string) =>
    rows.length > 0 && (
      <section aria-label={title} data-testid={testId}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Space direction="vertical" size={10} style={{ width: '100%' }}>
          {rows.map((v) => (
            <PersonCard key={v.id} visit={v} onOpen={() => setOpen(v)} />
          ))}
        </Space>
      </section>
    );
  return (
    <PageShell title={campaign?.name ?? t('elderly.myVisitsTitle')} loading={campaigns.isLoading} testId="my-visits-page" bare>
      {!campaign ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elderly.noCampaignNow')} />
        </Card>
      ) : (
        <>
          <Card size="small" data-testid="my-visits-progress">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <CampaignProgress visited={campaign.visited} total={campaign.total} label={t('elderly.progressOf', { name: campaign.name })} large />
              <Typography.Text type="secondary">{t('elderly.festivalLine', { day: formatDay(campaign.festival_on, i18n.language) })}</Typography.Text>
            </Space>
          </Card>
          {visits.isLoading ? (
            <Card loading />
          ) : (visits.data ?? []).length === 0 ? (
            <Card>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elderly.nobodyInGroup')} />
            </Card>
          ) : (
            <>
              {section(t('elderly.todoTitle', { count: todo.length }), todo, 'to-visit')}
              {section(t('elderly.doneTitle', { count: done.length }), done, 'visited')}
            </>
          )}
          <VisitSheet campaignId={campaign.id} visit={open} onClose={() => setOpen(null)} />
        </>
      )}
    </PageShell>
  );
}
