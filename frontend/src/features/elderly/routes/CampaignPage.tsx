// A visit campaign (staff): how far it has come, per group as a chart (with its table), and the
// worklist — filtered by group or to those the office should follow up — each person with 独居 /
// 残疾, why they are on it (高龄 / 小组干部), who visits and whether they have been; staff record
// a visit for anyone, give a visit to another visitor (改派) and, for someone who needs following
// up, open an assistance case with them as the applicant (开帮扶案件).
import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useCampaign } from '../api/get-campaign';
import { useVisits, type Visit } from '../api/get-visits';
import { AssignVisitorModal } from '../components/AssignVisitorModal';
import { CampaignProgress } from '../components/CampaignProgress';
import { GroupProgressChart } from '../components/GroupProgressChart';
import { ConditionTag, FollowUpTag, PersonMarks, ReasonTag } from '../components/Marks';
import { RecordVisitModal } from '../components/RecordVisitModal';
import { formatDay, groupText } from '../components/text';

export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(id);
  const [groupId, setGroupId] = useState<string | undefined>(undefined);
  const [followUp, setFollowUp] = useState(false);
  const visits = useVisits(id, { group_id: groupId, follow_up: followUp });
  const [recording, setRecording] = useState<Visit | null>(null);
  const [assigning, setAssigning] = useState<Visit | null>(null);
  const data = campaign.data;

  const person = (v: Visit) => (
    <Space size={6} wrap>
      <Typography.Text strong>{v.name}</Typography.Text>
      <PersonMarks livingAlone={v.living_alone} disabled={v.disabled} />
    </Space>
  );
  const state = (v: Visit) =>
    v.visited_on ? (
      <Space size={4} wrap>
        <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="visited">
          {t('elderly.visitedOnDay', { day: formatDay(v.visited_on, i18n.language) })}
        </Tag>
        {v.condition && <ConditionTag condition={v.condition} />}
        {v.follow_up && <FollowUpTag />}
      </Space>
    ) : (
      <Tag style={{ marginInlineEnd: 0 }} data-testid="not-visited">
        {t('elderly.notVisited')}
      </Tag>
    );
  const actions = (v: Visit) => (
    <Space size={8} wrap>
      <Button onClick={() => setRecording(v)} aria-label={t('elderly.recordFor', { name: v.name })} data-testid="record-visit">
        {v.visited_on ? t('elderly.editRecord') : t('elderly.record')}
      </Button>
      <Button onClick={() => setAssigning(v)} aria-label={t('elderly.assignFor', { name: v.name })} data-testid="assign-visitor">
        {t('elderly.assign')}
      </Button>
      {v.follow_up && (
        <LinkButton
          to={`/assistance/cases/new?applicant=${encodeURIComponent(v.resident_id)}`}
          aria-label={t('elderly.openCaseFor', { name: v.name })}
          data-testid="open-case"
        >
          {t('elderly.openCase')}
        </LinkButton>
      )}
    </Space>
  );
  const visitor = (v: Visit) => v.visitor_name ?? t('elderly.noVisitor');

  return (
    <PageShell
      title={data?.name ?? t('elderly.visitsTitle')}
      intro={
        data &&
        `${formatDay(data.festival_on, i18n.language)} · ${
          data.cadre_min_age != null
            ? t('elderly.whoWithCadres', { age: data.resident_min_age, cadre: data.cadre_min_age })
            : t('elderly.who', { age: data.resident_min_age })
        }`
      }
      loading={campaign.isLoading}
      testId="campaign-page"
      bare
    >
      {data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('elderly.progressTitle')} size="small" data-testid="campaign-progress">
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <CampaignProgress visited={data.visited} total={data.total} label={t('elderly.progressOf', { name: data.name })} large />
                  <Row gutter={16}>
                    <Col span={12}>
                      <Statistic title={t('elderly.leftSeries')} value={Math.max(0, data.total - data.visited)} suffix={t('elderly.peopleUnit')} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('elderly.followUpTitle')} value={data.follow_ups} suffix={t('elderly.peopleUnit')} data-testid="follow-up-count" />
                    </Col>
                  </Row>
                </Space>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('elderly.byGroup')} size="small">
                <GroupProgressChart groups={data.groups} />
              </Card>
            </Col>
          </Row>
          <Card title={t('elderly.worklist')} size="small">
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Space wrap size="middle">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('elderly.anyGroup')}
                  aria-label={t('elderly.group')}
                  style={{ width: 140 }}
                  value={groupId}
                  onChange={(v?: string) => setGroupId(v)}
                  options={[...data.groups]
                    .sort((a, b) => a.group_number - b.group_number)
                    .map((g) => ({ value: g.group_id, label: groupText(t, g.group_number) }))}
                  data-testid="visit-group-filter"
                />
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  <Switch checked={followUp} onChange={setFollowUp} aria-labelledby="follow-up-only" data-testid="follow-up-only" />
                  <span id="follow-up-only">{t('elderly.followUpOnly')}</span>
                </span>
              </Space>
              <DataList<Visit>
                rows={visits.data ?? []}
                rowKey={(v) => v.id}
                loading={visits.isLoading}
                empty={followUp ? t('elderly.noFollowUps') : t('elderly.nobodyToVisit')}
                testId="visit-list"
                itemTestId="visit-row"
                pageSize={50}
                columns={[
                  { title: t('elderly.name'), key: 'name', render: (_, v) => person(v) },
                  { title: t('elderly.age'), key: 'age', render: (_, v) => t('elderly.ageYears', { age: v.age }) },
                  { title: t('elderly.group'), key: 'group', render: (_, v) => groupText(t, v.group_number) },
                  { title: t('elderly.address'), dataIndex: 'address' },
                  { title: t('elderly.reasonTitle'), key: 'reason', render: (_, v) => <ReasonTag reason={v.reason} /> },
                  { title: t('elderly.visitor'), key: 'visitor', render: (_, v) => visitor(v) },
                  { title: t('elderly.state'), key: 'state', render: (_, v) => state(v) },
                  { title: t('elderly.actions'), key: 'actions', render: (_, v) => actions(v) },
                ]}
                card={(v) => (
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    {person(v)}
                    <span>
                      {t('elderly.ageYears', { age: v.age })} · {groupText(t, v.group_number)} · <ReasonTag reason={v.reason} />
                    </span>
                    <span style={{ overflowWrap: 'anywhere' }}>{v.address}</span>
                    <span>
                      {t('elderly.visitor')}：{visitor(v)}
                    </span>
                    {state(v)}
                    {actions(v)}
                  </Space>
                )}
              />
            </Space>
          </Card>
          <RecordVisitModal campaignId={id} visit={recording} onClose={() => setRecording(null)} />
          <AssignVisitorModal campaignId={id} visit={assigning} onClose={() => setAssigning(null)} />
        </>
      )}
    </PageShell>
  );
}
