// A case (staff): who applied and where it stands — its status, the step it is at and the
// deadline — then 下一步 (the moves the step allows), the procedure step by step, the documents
// received, the timeline with its entries, the case's settings and, for the assignee and
// supervisors, the household's income and assets behind a stated reason.
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useCase, type CaseDetail } from '../api/get-case';
import { ActionPanel } from '../components/ActionPanel';
import { DeadlineCell, KindTag, StatusTag } from '../components/CaseTags';
import { DocumentsCard } from '../components/DocumentsCard';
import { FinancesCard } from '../components/FinancesCard';
import { SettingsCard } from '../components/SettingsCard';
import { StepsCard } from '../components/StepsCard';
import { TimelineCard } from '../components/TimelineCard';
import { familyStatusText, formatDay, formatFen, shortStepName } from '../components/text';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCase(id);
  const c = query.data;
  return (
    <PageShell
      title={c ? t('assistance.detail.title', { kind: c.kind_name, name: c.applicant_name }) : t('assistance.cases.title')}
      loading={query.isLoading}
      testId="case-page"
      bare
      actions={
        c?.publicity_available && (
          <LinkButton to={`/assistance/cases/${c.id}/publicity`} size="large" icon={<PrinterOutlined aria-hidden />} data-testid="print-publicity">
            {t('assistance.publicity.print')}
          </LinkButton>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon message={t('assistance.detail.notFound')} />}
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <CaseHeader c={c} />
          </Col>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <ActionPanel c={c} />
              <StepsCard c={c} />
              <TimelineCard c={c} />
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <DocumentsCard c={c} />
              <SettingsCard c={c} />
              <FinancesCard c={c} />
            </Space>
          </Col>
        </Row>
      )}
    </PageShell>
  );
}

function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <Card data-testid="case-header">
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <KindTag name={c.kind_name} />
        <StatusTag status={c.status} />
        {c.status === 'open' && <Typography.Text strong>{shortStepName(c.step_name)}</Typography.Text>}
        {c.status === 'open' && <DeadlineCell row={c} />}
      </Space>
      {c.calendar_incomplete && <Alert type="warning" showIcon message={t('assistance.calendar.incomplete')} style={{ marginBottom: 12 }} />}
      {c.conflict && <Alert type="warning" showIcon message={t('assistance.conflict.flag')} style={{ marginBottom: 12 }} data-testid="conflict-flag" />}
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('assistance.cases.applicant')}>{c.applicant_name}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.cases.householdTitle')}>
          <span data-testid="case-address" data-address={c.address}>
            {t('assistance.cases.household', { address: c.address, group: c.group_number })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('assistance.detail.householdSize')}>
          <span data-testid="case-household-size" data-size={c.household_size}>
            {t('assistance.detail.persons', { count: c.household_size })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('assistance.detail.people')}>
          {c.people.length > 0 ? c.people.map((p) => t('assistance.detail.person', { name: p.name, age: p.age })).join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('assistance.detail.openedOn')}>{day(c.opened_on)}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.detail.approvingBody')}>{c.approving_body}</Descriptions.Item>
        <Descriptions.Item label={t('assistance.cases.assignee')}>{c.assignee_name ?? t('assistance.cases.nobody')}</Descriptions.Item>
        {c.on_behalf && (
          <Descriptions.Item label={t('assistance.detail.onBehalf')}>
            {c.mandate_on_file ? (
              t('assistance.detail.mandateOnFile')
            ) : (
              <Typography.Text type="danger">{t('assistance.detail.mandateMissing')}</Typography.Text>
            )}
          </Descriptions.Item>
        )}
        {c.able_to_work != null && (
          <Descriptions.Item label={t('assistance.create.ableToWork')}>{c.able_to_work ? t('assistance.yes') : t('assistance.no')}</Descriptions.Item>
        )}
        {c.kind === 'reemployment' && (
          <Descriptions.Item label={t('assistance.category.label')}>
            {c.employment_category ? t(`assistance.category.${c.employment_category}`) : '—'}
            {c.zero_employment && ` · ${t('assistance.create.zeroEmployment')}`}
          </Descriptions.Item>
        )}
        {c.amount_fen != null && (
          <Descriptions.Item label={c.status === 'approved' || c.status === 'closed' ? t('assistance.detail.amount') : t('assistance.settings.proposedAmount')}>
            <span data-testid="case-amount">
              {formatFen(c.amount_fen, i18n.language)}
              {c.payment && ` · ${t(`assistance.money.${c.payment}`)}`}
            </span>
          </Descriptions.Item>
        )}
        {c.decided_on && <Descriptions.Item label={t('assistance.detail.decidedOn')}>{day(c.decided_on)}</Descriptions.Item>}
        {c.status === 'approved' && (
          <Descriptions.Item label={t('assistance.detail.decision')}>
            <span data-testid="case-decision">{familyStatusText(t, c, i18n.language)}</span>
          </Descriptions.Item>
        )}
        {c.decision_note && <Descriptions.Item label={t('assistance.detail.decisionNote')}>{c.decision_note}</Descriptions.Item>}
        {c.placement && <Descriptions.Item label={t('assistance.action.placement')}>{c.placement}</Descriptions.Item>}
        {c.next_review_on && <Descriptions.Item label={t('assistance.reviews.nextReview')}>{day(c.next_review_on)}</Descriptions.Item>}
        {c.closed_on && <Descriptions.Item label={t('assistance.detail.closedOn')}>{day(c.closed_on)}</Descriptions.Item>}
      </Descriptions>
      {c.summary_text && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('assistance.create.summary')}：</Typography.Text>
          {c.summary_text}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
