import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { useMe } from '@/lib/session';
import { useHousehold } from '../api/get-household';
import { ResidentTable } from '../components/ResidentTable';
import { CreateResidentModal } from '../components/CreateResidentModal';
import { EditHouseholdDrawer } from '../components/EditHouseholdDrawer';

export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const household = useHousehold(id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  if (household.error) return <Alert type="error" showIcon message={problemMessage(t, household.error)} />;
  const h = household.data?.household;
  return (
    <Card
      loading={household.isLoading}
      title={<span data-testid="page-title">{h?.address}</span>}
      extra={
        me.role === 'staff' && (
          <Space wrap>
            <Button onClick={() => setEditing(true)} data-testid="edit-household">
              {t('registry.edit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('registry.addMember')}
            </Button>
          </Space>
        )
      }
    >
      {h && household.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('registry.group')}>{t('registry.groupShort', { number: h.group_number })}</Descriptions.Item>
            <Descriptions.Item label={t('registry.head')}>{h.head_name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.householdPhone')}>{h.phone_masked ?? '—'}</Descriptions.Item>
          </Descriptions>
          <ResidentTable residents={household.data.members} showAddress={false} />
        </Space>
      )}
      {me.role === 'staff' && <CreateResidentModal open={adding} onClose={() => setAdding(false)} householdId={id} />}
      {me.role === 'staff' && household.data && <EditHouseholdDrawer detail={household.data} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
