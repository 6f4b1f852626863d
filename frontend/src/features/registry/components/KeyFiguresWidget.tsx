// Staff home: the community's key figures from the registry.
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useRegistryStats } from '../api/get-registry-stats';

export function KeyFiguresWidget() {
  const { t } = useTranslation();
  const stats = useRegistryStats();
  const data = stats.data;
  const elderly = data?.age_bands.filter((b) => ['60-69', '70-79', '80+'].includes(b.key)).reduce((sum, b) => sum + b.count, 0);
  const alone = data?.tags.find((tag) => tag.key === 'living_alone')?.count;
  return (
    <Widget title={t('home.keyFigures')} link="/registry" linkLabel={t('home.openRegistry')} loading={stats.isLoading} testId="key-figures">
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={12}>
            <Statistic title={t('registry.households')} value={data.households} />
          </Col>
          <Col xs={12}>
            <Statistic title={t('registry.residents')} value={data.residents} />
          </Col>
          {elderly !== undefined && (
            <Col xs={12}>
              <Statistic title={t('home.elderly')} value={elderly} />
            </Col>
          )}
          {alone !== undefined && (
            <Col xs={12}>
              <Statistic title={t('registry.tags.living_alone')} value={alone} />
            </Col>
          )}
        </Row>
      )}
    </Widget>
  );
}
