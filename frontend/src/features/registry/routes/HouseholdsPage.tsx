import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHouseholds, type Household } from '../api/get-households';

export function HouseholdsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const address = params.get('address') ?? undefined;
  const group_id = params.get('group_id') ?? undefined;
  const households = useHouseholds({ address, group_id });
  const rows = households.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={<span data-testid="page-title">{t('registry.householdsTitle')}</span>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          defaultValue={address}
          placeholder={t('registry.addressSearch')}
          style={{ maxWidth: 320 }}
          onSearch={(value) => setParams(value ? { address: value } : {})}
        />
        <Table<Household>
          rowKey="id"
          size="small"
          loading={households.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('registry.address'), dataIndex: 'address', render: (a: string, h) => <Link to={`/registry/households/${h.id}`}>{a}</Link> },
            { title: t('registry.group'), dataIndex: 'group_number', render: (n: number) => t('registry.groupShort', { number: n }) },
            { title: t('registry.head'), dataIndex: 'head_name' },
            { title: t('registry.members'), dataIndex: 'members' },
            { title: t('registry.phone'), dataIndex: 'phone_masked' },
          ]}
        />
        <div style={{ textAlign: 'center' }}>
          {households.hasNextPage ? (
            <Button onClick={() => void households.fetchNextPage()} loading={households.isFetchingNextPage}>
              {t('audit.loadMore')}
            </Button>
          ) : (
            rows.length > 0 && <Typography.Text type="secondary">{t('audit.noMore', { count: rows.length })}</Typography.Text>
          )}
        </div>
      </Space>
    </Card>
  );
}
