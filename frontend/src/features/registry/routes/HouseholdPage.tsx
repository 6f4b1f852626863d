import { useState } from 'react';
import { Alert, Button, Descriptions, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useHousehold } from '../api/get-household';
import { ResidentTable } from '../components/ResidentTable';
import { CreateResidentModal } from '../components/CreateResidentModal';
import { EditHouseholdDrawer } from '../components/EditHouseholdDrawer';
import { groupLabel } from '../components/fields';

export function HouseholdPage({ householdId }: { householdId?: string }) {
  const params = useParams();
  const id = householdId ?? params.id ?? '';
  const { t } = useTranslation();
  const me = useMe();
  const household = useHousehold(id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const h = household.data?.household;
  return (
    <PageShell
      title={h?.address ?? t('registry.household')}
      loading={household.isLoading}
      testId="household-page"
      actions={
        me.role === 'staff' && (
          <>
            <Button onClick={() => setEditing(true)} data-testid="edit-household">
              {t('registry.edit')}
            </Button>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              {t('registry.addMember')}
            </Button>
          </>
        )
      }
    >
      {household.error && <Alert type="error" showIcon message={problemMessage(t, household.error)} />}
      {h && household.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('registry.group')}>{groupLabel(t, h.group_number)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.head')}>{h.head_name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.householdPhone')}>{h.phone_masked ?? '—'}</Descriptions.Item>
          </Descriptions>
          <ResidentTable residents={household.data.members} showAddress={false} />
        </Space>
      )}
      {me.role === 'staff' && <CreateResidentModal open={adding} onClose={() => setAdding(false)} householdId={id} />}
      {me.role === 'staff' && household.data && <EditHouseholdDrawer detail={household.data} open={editing} onClose={() => setEditing(false)} />}
    </PageShell>
  );
}
