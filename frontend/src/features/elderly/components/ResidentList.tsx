// Older residents as a list: a table at a desk, cards on a phone — name (a link to the registry's
// record), age, group, address, 独居 / 残疾, the 优待证 and, for staff, what to do about it.
import { useState, type ReactNode } from 'react';
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import type { OlderResident } from '../api/get-elderly';
import { CardActions, IssueCardModal } from './CardActions';
import { CardStatusTag, PersonMarks } from './Marks';
import { formatDay, groupText } from './text';

export function ResidentList({
  rows,
  loading,
  empty,
  foot,
  staff,
  testId = 'elderly-list',
}: {
  rows: OlderResident[];
  loading: boolean;
  empty: ReactNode;
  foot?: ReactNode;
  staff: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [issuing, setIssuing] = useState<OlderResident | null>(null);
  const name = (r: OlderResident) => (
    <Link to={`/registry/residents/${r.id}`} style={{ fontWeight: 600 }}>
      {r.name}
    </Link>
  );
  const card = (r: OlderResident) => (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      <CardStatusTag status={r.card_status} />
      {r.card_number && <span data-testid="card-number-value">{r.card_number}</span>}
      {r.card_issued_on && <Typography.Text type="secondary">{formatDay(r.card_issued_on, i18n.language)}</Typography.Text>}
    </span>
  );
  const age = (r: OlderResident) => t('elderly.ageYears', { age: r.age });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <DataList<OlderResident>
        rows={rows}
        rowKey={(r) => r.id}
        loading={loading}
        empty={empty}
        testId={testId}
        itemTestId="elderly-row"
        columns={[
          { title: t('elderly.name'), key: 'name', render: (_, r) => name(r) },
          { title: t('elderly.age'), key: 'age', render: (_, r) => age(r) },
          { title: t('elderly.group'), key: 'group', render: (_, r) => groupText(t, r.group_number) },
          { title: t('elderly.address'), dataIndex: 'address' },
          { title: t('elderly.marks'), key: 'marks', render: (_, r) => <PersonMarks livingAlone={r.living_alone} disabled={r.disabled} /> },
          { title: t('elderly.card'), key: 'card', render: (_, r) => card(r) },
          ...(staff
            ? [{ title: t('elderly.actions'), key: 'actions', render: (_: unknown, r: OlderResident) => <CardActions resident={r} onIssue={setIssuing} /> }]
            : []),
        ]}
        card={(r) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
              <span style={{ fontSize: '1.125em' }}>{name(r)}</span>
              <span>{age(r)}</span>
              <span>{groupText(t, r.group_number)}</span>
            </div>
            <span style={{ overflowWrap: 'anywhere' }}>{r.address}</span>
            <PersonMarks livingAlone={r.living_alone} disabled={r.disabled} />
            {card(r)}
            {staff && <CardActions resident={r} onIssue={setIssuing} />}
          </Space>
        )}
      />
      {foot}
      {staff && <IssueCardModal resident={issuing} onClose={() => setIssuing(null)} />}
    </Space>
  );
}
