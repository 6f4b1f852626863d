import { Space, Tag as AntTag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import type { Resident } from '../api/get-residents';
import { groupLabel } from './fields';
import { TagList } from './TagList';

interface Props {
  residents: Resident[];
  loading?: boolean;
  showAddress?: boolean;
}

function StatusTag({ status }: { status: Resident['status'] }) {
  const { t } = useTranslation();
  return <AntTag color={status === 'active' ? 'default' : 'warning'}>{t(`registry.statuses.${status}`)}</AntTag>;
}

/** Residents with personal data masked, as the API gives them: a table at a desk, cards on a phone. */
export function ResidentTable({ residents, loading, showAddress = true }: Props) {
  const { t } = useTranslation();
  const address = (r: Resident) =>
    r.address && (
      <Link to={`/registry/households/${r.household_id}`}>
        {groupLabel(t, r.group_number)} · {r.address}
      </Link>
    );
  return (
    <DataList<Resident>
      testId="resident-table"
      itemTestId="resident-row"
      rows={residents}
      rowKey={(r) => r.id}
      loading={loading}
      empty={t('registry.noResidents')}
      href={(r) => `/registry/residents/${r.id}`}
      card={(r) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Link to={`/registry/residents/${r.id}`} style={{ fontSize: '1.1em', fontWeight: 600 }}>
              {r.name}
            </Link>
            <Typography.Text>
              {t(`registry.sexes.${r.sex}`)} · {t('registry.ageYears', { age: r.age })}
            </Typography.Text>
          </Space>
          {showAddress ? r.address && <div>{address(r)}</div> : <Typography.Text>{t(`registry.relationships.${r.relationship}`)}</Typography.Text>}
          {r.phone_masked && (
            <Typography.Text type="secondary">
              {t('registry.phone')}：{r.phone_masked}
            </Typography.Text>
          )}
          {(r.tags.length > 0 || r.status !== 'active') && (
            <Space wrap size={4}>
              <TagList tags={r.tags} />
              {r.status !== 'active' && <StatusTag status={r.status} />}
            </Space>
          )}
        </Space>
      )}
      columns={[
        {
          title: t('registry.name'),
          dataIndex: 'name',
          fixed: 'left',
          render: (name: string, r) => <Link to={`/registry/residents/${r.id}`}>{name}</Link>,
        },
        { title: t('registry.sex'), dataIndex: 'sex', render: (sex: string) => t(`registry.sexes.${sex}`) },
        { title: t('registry.age'), dataIndex: 'age' },
        {
          title: t('registry.idNumber'),
          dataIndex: 'id_number_masked',
          render: (v: string) => <span className="xg-code">{v}</span>,
        },
        { title: t('registry.phone'), dataIndex: 'phone_masked' },
        { title: t('registry.relationship'), dataIndex: 'relationship', render: (r: string) => t(`registry.relationships.${r}`) },
        ...(showAddress ? [{ title: t('registry.address'), key: 'address', render: (_: unknown, r: Resident) => address(r) }] : []),
        { title: t('registry.tagsTitle'), dataIndex: 'tags', render: (tags: Resident['tags']) => <TagList tags={tags} /> },
        { title: t('registry.status'), dataIndex: 'status', render: (s: Resident['status']) => <StatusTag status={s} /> },
      ]}
    />
  );
}
