import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/session';
import { DataList } from '@/components/DataList';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { CreateHouseholdModal } from '../components/CreateHouseholdModal';
import { useHouseholds, type Household } from '../api/get-households';
import { groupLabel } from '../components/fields';

export function HouseholdsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const address = params.get('address') ?? undefined;
  const group_id = params.get('group_id') ?? undefined;
  const households = useHouseholds({ address, group_id });
  const rows = households.data?.pages.flatMap((p) => p.items) ?? [];
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const isStaff = me.role === 'staff';
  return (
    <PageShell
      title={isStaff ? t('registry.householdsTitle') : t('nav.myGroupHouseholds')}
      testId="households-page"
      actions={
        isStaff && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('registry.createHousehold')}
          </Button>
        )
      }
    >
      {isStaff && <CreateHouseholdModal open={creating} onClose={() => setCreating(false)} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          defaultValue={address}
          placeholder={t('registry.addressSearch')}
          aria-label={t('registry.addressSearch')}
          enterButton={t('audit.search')}
          style={{ maxWidth: 360 }}
          onSearch={(value) => setParams(value ? { address: value } : {})}
        />
        <DataList<Household>
          testId="household-table"
          itemTestId="household-row"
          rows={rows}
          rowKey={(h) => h.id}
          loading={households.isLoading}
          href={(h) => `/registry/households/${h.id}`}
          card={(h) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Link to={`/registry/households/${h.id}`} style={{ fontWeight: 600 }}>
                {h.address}
              </Link>
              <Typography.Text>
                {groupLabel(t, h.group_number)} · {t('registry.head')}：{h.head_name ?? '—'} · {t('registry.membersCount', { count: h.members })}
              </Typography.Text>
              {h.phone_masked && (
                <Typography.Text type="secondary">
                  {t('registry.householdPhone')}：{h.phone_masked}
                </Typography.Text>
              )}
            </Space>
          )}
          columns={[
            { title: t('registry.address'), dataIndex: 'address', render: (a: string, h) => <Link to={`/registry/households/${h.id}`}>{a}</Link> },
            { title: t('registry.group'), dataIndex: 'group_number', render: (n: number) => groupLabel(t, n) },
            { title: t('registry.head'), dataIndex: 'head_name' },
            { title: t('registry.members'), dataIndex: 'members' },
            { title: t('registry.householdPhone'), dataIndex: 'phone_masked' },
          ]}
        />
        <LoadMore hasMore={households.hasNextPage} loading={households.isFetchingNextPage} count={rows.length} onLoad={() => void households.fetchNextPage()} />
      </Space>
    </PageShell>
  );
}
