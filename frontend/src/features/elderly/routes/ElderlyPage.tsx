// 老年人 (staff): the older residents at a glance — by decade as a chart (with its table) and the
// 优待证 in numbers — then the list of a band (60+ … 100+, the last the longevity subsidy's),
// filtered by group and card, with 登记优待证 and 登记发证 on each row.
import { useMemo } from 'react';
import { Card, Col, Row, Segmented, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useElderly, type CardFilter, type ElderlyFilters } from '../api/get-elderly';
import { useElderlySummary } from '../api/get-elderly-summary';
import { useGroups } from '../api/get-groups';
import { AgeChart } from '../components/AgeChart';
import { KeyFigures } from '../components/KeyFigures';
import { ResidentList } from '../components/ResidentList';
import { BANDS, bandQuery, groupText, parseBand } from '../components/text';

const CARD_FILTERS: CardFilter[] = ['none', 'applied', 'issued'];

export function ElderlyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const band = parseBand(params.get('band'));
  const groupId = params.get('group_id') ?? undefined;
  const cardParam = params.get('card');
  const card = CARD_FILTERS.find((c) => c === cardParam);
  const filters: ElderlyFilters = useMemo(() => ({ ...bandQuery(band), group_id: groupId, card }), [band, groupId, card]);
  const summary = useElderlySummary();
  const groups = useGroups();
  const list = useElderly(filters);
  const rows = list.data ?? [];
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const bandLabel = (b: number) => (b >= 100 ? t('elderly.band100') : t('elderly.band', { age: b }));
  return (
    <PageShell
      title={t('elderly.title')}
      testId="elderly-page"
      bare
      actions={
        <>
          <LinkButton to="/elderly/cards">{t('elderly.cardsTitle')}</LinkButton>
          <LinkButton to="/elderly/visits">{t('elderly.visitsTitle')}</LinkButton>
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('elderly.byAge')} size="small" loading={summary.isLoading}>
            {summary.data && <AgeChart summary={summary.data} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('elderly.cardsAndBirthdays')} size="small" loading={summary.isLoading} style={{ height: '100%' }}>
            {summary.data && <KeyFigures summary={summary.data} />}
          </Card>
        </Col>
      </Row>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              value={band}
              onChange={(v) => set('band', Number(v) === 60 ? undefined : String(v))}
              options={BANDS.map((b) => ({ value: b, label: <span data-testid={`band-${b}`}>{bandLabel(b)}</span> }))}
              aria-label={t('elderly.bandLabel')}
            />
          </div>
          <Space wrap>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('elderly.anyGroup')}
              aria-label={t('elderly.group')}
              style={{ width: 140 }}
              value={groupId}
              onChange={(v?: string) => set('group_id', v)}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: groupText(t, g.number) }))}
              data-testid="group-filter"
            />
            <Select
              allowClear
              placeholder={t('elderly.anyCard')}
              aria-label={t('elderly.card')}
              style={{ width: 140 }}
              value={card}
              onChange={(v?: CardFilter) => set('card', v)}
              options={CARD_FILTERS.map((c) => ({ value: c, label: t(`elderly.cardStatus.${c}`) }))}
              data-testid="card-filter"
            />
          </Space>
          <ResidentList
            rows={rows}
            loading={list.isLoading}
            staff
            empty={t('elderly.nobody')}
            foot={<LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} count={rows.length} onLoad={() => void list.fetchNextPage()} />}
          />
        </Space>
      </Card>
    </PageShell>
  );
}
