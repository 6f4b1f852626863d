// The registry at a glance: totals, residents by age band and by group (charts with a table
// alternative), residents per tag (each a link to the filtered list).
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/Chart';
import { PageShell } from '@/components/PageShell';
import { useRegistryStats } from '../api/get-registry-stats';
import type { Group } from '../api/get-groups';
import { groupLabel } from '../components/fields';

interface Band {
  key: string;
  count: number;
}

export function RegistryOverviewPage() {
  const { t } = useTranslation();
  const stats = useRegistryStats();
  const data = stats.data;
  const band = (key: string) => t('registry.ageBand', { band: key });
  return (
    <PageShell title={t('registry.overview')} loading={stats.isLoading} testId="registry-overview" bare>
      {data && (
        <>
          <Card>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title={t('registry.households')} value={data.households} data-testid="stat-households" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('registry.residents')} value={data.residents} data-testid="stat-residents" />
              </Col>
              {data.tags.map((tag) => (
                <Col xs={12} md={4} key={tag.key}>
                  <Link to={`/registry/residents?tags=${tag.key}`} aria-label={`${t(`registry.tags.${tag.key}`)} ${tag.count}`}>
                    <Statistic title={t(`registry.tags.${tag.key}`)} value={tag.count} />
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('registry.byAge')} size="small">
                <Chart<Band>
                  testId="age-chart"
                  label={t('registry.byAgeLabel', { list: data.age_bands.map((b) => `${band(b.key)} ${b.count}`).join('，') })}
                  option={{
                    grid: { left: 48, right: 16, top: 24, bottom: 32 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: data.age_bands.map((b) => band(b.key)) },
                    yAxis: { type: 'value', name: t('registry.people') },
                    series: [{ type: 'bar', name: t('registry.residents'), data: data.age_bands.map((b) => b.count), label: { show: true, position: 'top' } }],
                  }}
                  table={{
                    rows: data.age_bands,
                    rowKey: (b) => b.key,
                    columns: [
                      { title: t('registry.age'), render: (_, b) => band(b.key) },
                      { title: t('registry.residents'), dataIndex: 'count' },
                    ],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('registry.byGroup')} size="small">
                <Chart<Group>
                  testId="group-chart"
                  height={Math.max(240, data.groups.length * 28 + 60)}
                  label={t('registry.byGroupLabel')}
                  option={{
                    grid: { left: 72, right: 24, top: 32, bottom: 24 },
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    yAxis: { type: 'category', inverse: true, data: data.groups.map((g) => groupLabel(t, g.number)) },
                    xAxis: { type: 'value' },
                    series: [
                      { type: 'bar', name: t('registry.households'), data: data.groups.map((g) => g.households), label: { show: true, position: 'right' } },
                      { type: 'bar', name: t('registry.residents'), data: data.groups.map((g) => g.residents), label: { show: true, position: 'right' } },
                    ],
                  }}
                  table={{
                    rows: data.groups,
                    rowKey: (g) => g.id,
                    columns: [
                      {
                        title: t('registry.group'),
                        render: (_, g) => <Link to={`/registry/residents?group_id=${g.id}`}>{groupLabel(t, g.number)}</Link>,
                      },
                      { title: t('registry.leader'), dataIndex: 'leader_name' },
                      { title: t('registry.households'), dataIndex: 'households' },
                      { title: t('registry.residents'), dataIndex: 'residents' },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </PageShell>
  );
}
