// One of the household's cases (resident, phone): where it stands in plain words, the steps as a
// simple vertical progress (who acts and by when), the decision and the notes staff shared with
// the family — internal notes never reach this page (the API leaves them out).
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useCase } from '../api/get-case';
import { StatusTag } from '../components/CaseTags';
import { StepsCard } from '../components/StepsCard';
import { TimelineCard } from '../components/TimelineCard';
import { familyStatusText, formatDay } from '../components/text';

export function MyCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useCase(id);
  const c = query.data;
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <PageShell title={c?.kind_name ?? t('assistance.my.title')} loading={query.isLoading} testId="my-case-page" bare>
      {query.isError && <Alert type="error" showIcon message={t('assistance.detail.notFound')} />}
      {c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Space wrap>
                <StatusTag status={c.status} />
                <Typography.Text strong style={{ fontSize: '1.15em' }} data-testid="my-case-state">
                  {familyStatusText(t, c, i18n.language)}
                </Typography.Text>
              </Space>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('assistance.cases.applicant')}>{c.applicant_name}</Descriptions.Item>
                <Descriptions.Item label={t('assistance.detail.openedOn')}>{day(c.opened_on)}</Descriptions.Item>
                <Descriptions.Item label={t('assistance.detail.approvingBody')}>{c.approving_body}</Descriptions.Item>
                {c.decided_on && <Descriptions.Item label={t('assistance.detail.decidedOn')}>{day(c.decided_on)}</Descriptions.Item>}
                {c.decision_note && <Descriptions.Item label={t('assistance.detail.decisionNote')}>{c.decision_note}</Descriptions.Item>}
                {c.placement && <Descriptions.Item label={t('assistance.action.placement')}>{c.placement}</Descriptions.Item>}
                {c.next_review_on && <Descriptions.Item label={t('assistance.reviews.nextReview')}>{day(c.next_review_on)}</Descriptions.Item>}
              </Descriptions>
              {c.status === 'open' && <Typography.Text type="secondary">{t('assistance.my.help')}</Typography.Text>}
            </Space>
          </Card>
          <StepsCard c={c} family />
          {c.entries.length > 0 && <TimelineCard c={{ ...c, history: [] }} family />}
        </Space>
      )}
    </PageShell>
  );
}
