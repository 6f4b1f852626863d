import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegistryStats } from '../api/get-registry-stats';
import type { Group } from '../api/get-groups';

export function RegistryOverviewPage() {
  const { t } = useTranslation();
  const stats = useRegistryStats();
  const data = stats.data;
  return (
    <Card title={<span data-testid="page-title">{t('registry.overview')}</span>} loading={stats.isLoading}>
      {data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('registry.households')} value={data.households} data-testid="stat-households" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('registry.residents')} value={data.residents} data-testid="stat-residents" />
            </Col>
            {data.age_bands.map((band) => (
              <Col xs={12} md={3} key={band.key}>
                <Statistic title={t('registry.ageBand', { band: band.key })} value={band.count} />
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {data.tags.map((tag) => (
              <Col xs={12} md={4} key={tag.key}>
                <Link to={`/registry/residents?tags=${tag.key}`}>
                  <Statistic title={t(`registry.tags.${tag.key}`)} value={tag.count} />
                </Link>
              </Col>
            ))}
          </Row>
          <Table<Group>
            style={{ marginTop: 24 }}
            rowKey="id"
            size="small"
            dataSource={data.groups}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('registry.group'), dataIndex: 'name', render: (name: string, g) => <Link to={`/registry/residents?group_id=${g.id}`}>{name}</Link> },
              { title: t('registry.leader'), dataIndex: 'leader_name' },
              { title: t('registry.households'), dataIndex: 'households' },
              { title: t('registry.residents'), dataIndex: 'residents' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
