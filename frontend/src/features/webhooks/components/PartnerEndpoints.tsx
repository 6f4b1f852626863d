// On a partner unit's page, for staff: the unit's webhook endpoints and their delivery logs.
import { Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartnerDetailsProps } from '@/lib/features';
import { useEndpoints } from '../api/get-endpoints';
import { DeliveryLog } from './DeliveryLog';

export function PartnerEndpoints({ partnerId, isStaff }: PartnerDetailsProps) {
  if (!isStaff) return null;
  return <Endpoints partnerId={partnerId} />;
}

function Endpoints({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const endpoints = useEndpoints(partnerId);
  const list = endpoints.data ?? [];
  return (
    <Card title={t('support.webhooksTitle')} size="small" data-testid="partner-endpoints">
      {list.length === 0 && !endpoints.isLoading && <Empty description={t('support.noEndpoints')} />}
      <Collapse
        size="small"
        items={list.map((e) => ({
          key: e.id,
          label: (
            <Space wrap>
              <Typography.Text style={{ wordBreak: 'break-all' }}>{e.url}</Typography.Text>
              {!e.enabled && <Tag>{t('support.paused')}</Tag>}
            </Space>
          ),
          children: <DeliveryLog endpoint={e} />,
        }))}
      />
    </Card>
  );
}
