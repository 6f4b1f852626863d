// Staff home: the 优待证 applications waiting for their card, and the year's figures.
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { useElderlySummary } from '../api/get-elderly-summary';

export function CardsWidget() {
  const { t } = useTranslation();
  const summary = useElderlySummary();
  const s = summary.data;
  return (
    <Widget
      title={<span data-testid="cards-widget-title">{t('elderly.cardsWidget', { count: s?.cards_pending ?? 0 })}</span>}
      link="/elderly/cards"
      linkLabel={t('elderly.toCards')}
      loading={summary.isLoading}
      testId="elderly-cards-widget"
    >
      {s && (
        <Row gutter={[16, 8]}>
          <Col span={8}>
            <Statistic title={t('elderly.issuedThisYear')} value={s.cards_issued_this_year} />
          </Col>
          <Col span={8}>
            <Statistic title={t('elderly.withoutCard')} value={s.without_card} />
          </Col>
          <Col span={8}>
            <Statistic title={t('elderly.turning6070')} value={s.turning_60_this_year + s.turning_70_this_year} />
          </Col>
        </Row>
      )}
    </Widget>
  );
}
