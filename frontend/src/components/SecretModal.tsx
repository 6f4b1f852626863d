// A secret is shown exactly once: say so, and make it easy to copy.
import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SecretModal({
  title,
  label,
  secret,
  extra,
  onClose,
}: {
  title: string;
  label: string;
  secret: string | null;
  extra?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={!!secret} title={title} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('support.secretSaved')}>
      <Alert type="warning" showIcon message={t('support.secretOnce')} style={{ marginBottom: 12 }} />
      {extra && <Typography.Paragraph>{extra}</Typography.Paragraph>}
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Paragraph copyable code data-testid="secret" style={{ wordBreak: 'break-all' }}>
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
