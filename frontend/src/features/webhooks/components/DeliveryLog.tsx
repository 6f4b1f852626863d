// An endpoint's delivery log, newest first, with a re-send for anything not pending. Partners
// see their own endpoints' logs; staff see any partner's.
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { EventLabel } from './EventLabel';
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
              <EventLabel type={d.event_type} />
            </Space>
            <Typography.Text type="secondary">
              {formatDateTime(d.created_at, i18n.language)} · {t('support.attempts', { count: d.attempts })}
            </Typography.Text>
            {d.status === 'failed' && (
              <Typography.Text>{d.last_status ? t('support.httpStatus', { status: d.last_status }) : t('support.deliveryFailed')}</Typography.Text>
            )}
            {d.last_error && (
              <Typography.Text type="secondary">
                {t('support.technicalDetail')}：<span className="xg-code">{d.last_error}</span>
              </Typography.Text>
            )}
            <Typography.Text type="secondary" copyable={{ text: d.message_id }}>
              <span className="xg-code">{d.message_id}</span>
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
