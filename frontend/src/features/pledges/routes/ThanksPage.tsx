// The public thank-you list: which partner gave what, for which need (amounts of money are not
// published).
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { formatDate } from '@/lib/format';
import { useThanks } from '../api/get-thanks';
import { describeSupport } from '../components/text';

export function ThanksPage() {
  const { t, i18n } = useTranslation();
  const thanks = useThanks();
  return (
    <PageShell title={t('support.thanksTitle')} testId="thanks-page" bare>
      <List
        loading={thanks.isLoading}
        dataSource={thanks.data ?? []}
        locale={{ emptyText: <Empty description={t('support.noThanks')} /> }}
        renderItem={(item) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }}>
              <Space direction="vertical" size={2}>
                <Space wrap>
                  <Typography.Text strong>{item.partner_name}</Typography.Text>
                  <Tag>{t(`support.kind.${item.kind}`)}</Tag>
                </Space>
                <Typography.Text>{item.support ? describeSupport(t, i18n.language, item.support) : t('support.moneySupport')}</Typography.Text>
                {item.need_title && <Typography.Text type="secondary">{t('support.forNeed', { title: item.need_title })}</Typography.Text>}
                {item.fulfilled_at && <Typography.Text type="secondary">{formatDate(item.fulfilled_at, i18n.language)}</Typography.Text>}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </PageShell>
  );
}
