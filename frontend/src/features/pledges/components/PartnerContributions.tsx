// On a partner unit's page: this year's contributions by kind, and by month as a chart.
import { useState } from 'react';
import { Card, Col, InputNumber, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/format';
import type { PartnerDetailsProps } from '@/lib/features';
import { useContributions } from '../api/get-contributions';
import { ContributionChart } from './ContributionChart';

export function PartnerContributions({ partnerId }: PartnerDetailsProps) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const contributions = useContributions(partnerId, year);
  const c = contributions.data;
  return (
    <Card
      size="small"
      title={t('support.contributionsTitle')}
      extra={
        <InputNumber
          controls={false}
          aria-label={t('support.year')}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
          style={{ width: 100 }}
        />
      }
      data-testid="contributions"
      loading={contributions.isLoading}
    >
      {c && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('support.kind.money')} value={formatMoney(c.money_fen, i18n.language)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('support.kind.goods')} value={c.goods_pieces} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('support.kind.venue')} value={t('support.units.slot', { count: c.venue_slots })} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('support.kind.volunteer_time')} value={t('support.units.personHour', { count: c.volunteer_person_hours })} />
            </Col>
          </Row>
          <ContributionChart data={c} />
        </>
      )}
    </Card>
  );
}
