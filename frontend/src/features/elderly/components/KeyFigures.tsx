// The 优待证 and the year's birthdays in numbers: issued this year, waiting, without a card,
// turning 60 and 70 this year.
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ElderlySummary } from './text';

export function KeyFigures({ summary }: { summary: ElderlySummary }) {
  const { t } = useTranslation();
  const figures: [string, string, number][] = [
    ['issued', t('elderly.issuedThisYear'), summary.cards_issued_this_year],
    ['pending', t('elderly.cardsPending'), summary.cards_pending],
    ['without', t('elderly.withoutCard'), summary.without_card],
    ['turning60', t('elderly.turning60'), summary.turning_60_this_year],
    ['turning70', t('elderly.turning70'), summary.turning_70_this_year],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="elderly-figures">
      {figures.map(([key, title, value]) => (
        <Col xs={12} sm={8} key={key}>
          <Statistic title={title} value={value} suffix={t('elderly.peopleUnit')} data-testid={`figure-${key}`} />
        </Col>
      ))}
    </Row>
  );
}
