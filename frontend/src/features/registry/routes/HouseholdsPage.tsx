import { useState } from 'react';
import { Button, Card, Input, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '@/lib/session';
import { CreateHouseholdModal } from '../components/CreateHouseholdModal';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/LoadMore';
import { useHouseholds, type Household } from '../api/get-households';

export function HouseholdsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const address = params.get('address') ?? undefined;
  const group_id = params.get('group_id') ?? undefined;
  const households = useHouseholds({ address, group_id });
  const rows = households.data?.pages.flatMap((p) => p.items) ?? [];
  const me = useMe();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<span data-testid="page-title">{t('registry.householdsTitle')}</span>}
      extra={
        me.role === 'staff' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('registry.createHousehold')}
          </Button>
        )
      }
    >
      {me.role === 'staff' && <CreateHouseholdModal open={creating} onClose={() => setCreating(false)} />}
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
        <LoadMore hasMore={households.hasNextPage} loading={households.isFetchingNextPage} count={rows.length} onLoad={() => void households.fetchNextPage()} />
      </Space>
    </Card>
  );
}
