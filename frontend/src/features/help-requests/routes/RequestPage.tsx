// One request (staff): what it is about and where it stands — number, kind, category, status, the
// time it has left and 已督办 — then 下一步 (the moves the server offers), the clocks (response
// and resolution due, the follow-up call), the caller (the phone masked unless the viewer handles
// it, 查看号码 with a stated reason otherwise), the referral, the photos, and the timeline with
// its notes (internal ones marked 内部).
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/lib/format';
import { useHandbook } from '../api/get-handbook';
import { useRequest } from '../api/get-request';
import type { RequestDetail } from '../api/types';
import { ActionPanel } from '../components/ActionPanel';
import { PhotosCard } from '../components/Photos';
import { AlertTags, KindTag, StatusTag, TimeLeftTag } from '../components/RequestTags';
import { RevealPhone } from '../components/RevealPhone';
import { TimelineCard } from '../components/TimelineCard';
import { formatDay, isOpen, satisfactionText } from '../components/text';

export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useRequest(id);
  const r = query.data;
  return (
    <PageShell
      title={r ? t('helpRequests.detail.title', { number: r.number, category: r.category_name }) : t('helpRequests.queue.title')}
      loading={query.isLoading}
      testId="request-page"
      bare
    >
      {query.isError && <Alert type="error" showIcon message={t('helpRequests.detail.notFound')} />}
      {r && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <RequestHeader r={r} />
          </Col>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <ActionPanel r={r} />
              <TimelineCard r={r} />
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <ClocksCard r={r} />
              <CallerCard r={r} />
              <PhotosCard r={r} />
            </Space>
          </Col>
        </Row>
      )}
    </PageShell>
  );
}

function RequestHeader({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const handbook = useHandbook();
  const questions = handbook.data?.categories.find((c) => c.code === r.category_code)?.questions ?? [];
  // The schema leaves the answers open (any JSON); the server stores an object of strings.
  const answers = r.answers && typeof r.answers === 'object' ? Object.entries(r.answers as Record<string, unknown>) : [];
  const answerLabel = (code: string, value: string) => {
    const q = questions.find((x) => x.code === code);
    return { label: q?.label ?? code, value: q?.choices?.find((c) => c.key === value)?.name ?? value };
  };
  return (
    <Card data-testid="request-header">
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <KindTag kind={r.kind} />
        <StatusTag status={r.status} />
        <TimeLeftTag row={r} />
        <AlertTags row={r} />
      </Space>
      <Typography.Paragraph style={{ fontSize: 18, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="request-description">
        {r.description}
      </Typography.Paragraph>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        {r.address && <Descriptions.Item label={t('helpRequests.form.address')}>{r.address}</Descriptions.Item>}
        <Descriptions.Item label={t('helpRequests.queue.assignee')}>
          <span data-testid="request-assignee">{r.assignee_name ?? t('helpRequests.nobody')}</span>
        </Descriptions.Item>
        {answers.map(([code, value]) => {
          const a = answerLabel(code, String(value));
          return (
            <Descriptions.Item key={code} label={a.label}>
              {a.value}
            </Descriptions.Item>
          );
        })}
        {r.referral && (
          <Descriptions.Item label={t('helpRequests.detail.referral')}>
            <span data-testid="request-referral">
              {r.referral.name} · <a href={`tel:${r.referral.phone}`}>{r.referral.phone}</a>
              {r.referral.reference && ` · ${t('helpRequests.detail.referralRef', { ref: r.referral.reference })}`}
            </span>
          </Descriptions.Item>
        )}
        {r.duplicate_of && (
          <Descriptions.Item label={t('helpRequests.detail.duplicateOf')}>
            <Link to={`/help-requests/${r.duplicate_of.id}`}>{r.duplicate_of.number}</Link>
          </Descriptions.Item>
        )}
        {r.mediation_ref && <Descriptions.Item label={t('helpRequests.detail.mediation')}>{r.mediation_ref}</Descriptions.Item>}
        {r.satisfaction != null && (
          <Descriptions.Item label={t('helpRequests.detail.satisfaction')}>
            <span data-testid="request-satisfaction">
              {satisfactionText(t, r.satisfaction)}
              {r.followup_comment && `：${r.followup_comment}`}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {r.resolution && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          message={t('helpRequests.detail.resolution')}
          description={<span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.resolution}</span>}
          data-testid="request-resolution"
        />
      )}
    </Card>
  );
}

function ClocksCard({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const at = (v: string) => formatDateTime(v, i18n.language);
  return (
    <Card title={t('helpRequests.detail.clocks')} data-testid="request-clocks">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('helpRequests.detail.receivedAt')}>{at(r.received_at)}</Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.detail.responseDue')}>
          {at(r.response_due_at)}
          {r.response_overdue && (
            <Typography.Text type="danger" strong>
              {' '}
              · {t('helpRequests.responseOverdue')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.detail.resolutionDue')}>{at(r.resolution_due_at)}</Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.queue.timeLeft')}>
          <TimeLeftTag row={r} />
          {!isOpen(r.status) && <span>—</span>}
        </Descriptions.Item>
        {r.resolved_at && <Descriptions.Item label={t('helpRequests.detail.resolvedAt')}>{at(r.resolved_at)}</Descriptions.Item>}
        {r.followup_due_on && (
          <Descriptions.Item label={t('helpRequests.detail.followupDue')}>
            <span data-testid="followup-due">{formatDay(r.followup_due_on, i18n.language)}</span>
          </Descriptions.Item>
        )}
        {r.closed_at && <Descriptions.Item label={t('helpRequests.detail.closedAt')}>{at(r.closed_at)}</Descriptions.Item>}
        {r.reopen_until && <Descriptions.Item label={t('helpRequests.detail.reopenUntil')}>{formatDay(r.reopen_until, i18n.language)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function CallerCard({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('helpRequests.caller')} data-testid="request-caller">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('helpRequests.detail.callerName')}>{r.caller_name}</Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.detail.phone')}>
          {r.caller_phone ? (
            <Space wrap size={8}>
              {r.phone_masked ? <span data-testid="caller-phone">{r.caller_phone}</span> : <a href={`tel:${r.caller_phone}`}>{r.caller_phone}</a>}
              {r.phone_masked && <RevealPhone requestId={r.id} />}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.queue.group')}>
          {r.group_number != null ? t('helpRequests.groupNumber', { n: r.group_number }) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('helpRequests.detail.channel')}>{t(`helpRequests.channel.${r.channel}`)}</Descriptions.Item>
        {r.filed_by_name && <Descriptions.Item label={t('helpRequests.detail.filedBy')}>{r.filed_by_name}</Descriptions.Item>}
        {r.lat != null && r.long != null && (
          <Descriptions.Item label={t('helpRequests.detail.location')}>
            {r.lat.toFixed(5)}, {r.long.toFixed(5)}
          </Descriptions.Item>
        )}
        {r.media_url && (
          <Descriptions.Item label={t('helpRequests.detail.media')}>
            <a href={r.media_url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
              {r.media_url}
            </a>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
