// 材料清单: the documents the kind asks for, ticked as they come in; saved at once with the
// version the case was loaded at.
import { App, Card, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { CaseDetail } from '../api/get-case';
import { useUpdateCase } from '../api/update-case';

export function DocumentsCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const update = useUpdateCase(c.id);
  const received = c.documents.filter((d) => d.received).map((d) => d.key);
  const toggle = (key: string, on: boolean) =>
    update.mutate(
      { version: c.version, documents_received: on ? [...received, key] : received.filter((k) => k !== key) },
      { onSuccess: () => void message.success(t('assistance.saved')), onError: (e) => report(e) },
    );
  return (
    <Card title={t('assistance.documents.title', { received: received.length, total: c.documents.length })} data-testid="case-documents">
      {c.documents.length === 0 ? (
        <Typography.Text type="secondary">{t('assistance.documents.none')}</Typography.Text>
      ) : (
        <Space direction="vertical">
          {c.documents.map((d) => (
            <Checkbox
              key={d.key}
              checked={d.received}
              disabled={update.isPending}
              onChange={(e) => toggle(d.key, e.target.checked)}
              data-testid={`document-${d.key}`}
            >
              {d.name}
              <Typography.Text type="secondary"> · {d.received ? t('assistance.documents.received') : t('assistance.documents.missing')}</Typography.Text>
            </Checkbox>
          ))}
        </Space>
      )}
    </Card>
  );
}
