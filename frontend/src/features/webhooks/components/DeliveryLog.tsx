// An endpoint's delivery log, newest first, with a re-send for anything not pending. Partners
// see their own endpoints' logs; staff see any partner's.
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useDeliveries } from '../api/get-deliveries';
import type { Endpoint } from '../api/get-endpoints';
import { useResendDelivery } from '../api/resend-delivery';
import { useReportError } from '@/lib/forms';

export function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const deliveries = useDeliveries(endpoint.id);
  const resend = useResendDelivery(endpoint.id);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const color = { delivered: 'green', failed: 'red', pending: 'gold' } as const;
  return (
    <List
      size="small"
      loading={deliveries.isLoading}
      dataSource={items}
      locale={{ emptyText: t('support.noDeliveries') }}
      renderItem={(d) => (
        <List.Item
          actions={
            d.status === 'pending'
              ? []
              : [
                  <Button
                    key="resend"
                    size="small"
                    onClick={() =>
                      resend.mutateAsync({ delivery: d.id, key: crypto.randomUUID() }).then(
                        () => message.success(t('support.resent')),
                        (e: unknown) => report(e),
                      )
                    }
                  >
                    {t('support.resend')}
                  </Button>,
                ]
          }
        >
          <Space direction="vertical" size={0}>
            <Space wrap>
              <Tag color={color[d.status]}>{t(`support.deliveryStatus.${d.status}`)}</Tag>
              <Typography.Text code>{d.event_type}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(d.created_at, i18n.language)} · {t('support.attempts', { count: d.attempts })}
              {d.last_status ? ` · HTTP ${d.last_status}` : ''}
              {d.last_error && !d.last_status ? ` · ${d.last_error}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
              {d.message_id}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
