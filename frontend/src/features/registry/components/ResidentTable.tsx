import { Table, Tag as AntTag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../api/get-residents';
import { TagList } from './TagList';

interface Props {
  residents: Resident[];
  loading?: boolean;
  showAddress?: boolean;
}

/** Residents with personal data masked, as the API gives them. */
export function ResidentTable({ residents, loading, showAddress = true }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Resident>
      data-testid="resident-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={residents}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('registry.noResidents') }}
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
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
        },
        { title: t('registry.phone'), dataIndex: 'phone_masked' },
        { title: t('registry.relationship'), dataIndex: 'relationship', render: (r: string) => t(`registry.relationships.${r}`) },
        ...(showAddress
          ? [
              {
                title: t('registry.address'),
                key: 'address',
                render: (_: unknown, r: Resident) =>
                  r.address && (
                    <Link to={`/registry/households/${r.household_id}`}>
                      {t('registry.groupShort', { number: r.group_number })} · {r.address}
                    </Link>
                  ),
              },
            ]
          : []),
        { title: t('registry.tagsTitle'), dataIndex: 'tags', render: (tags: Resident['tags']) => <TagList tags={tags} /> },
        {
          title: t('registry.status'),
          dataIndex: 'status',
          render: (s: string) => <AntTag color={s === 'active' ? 'default' : 'warning'}>{t(`registry.statuses.${s}`)}</AntTag>,
        },
      ]}
    />
  );
}
