import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditionStatus as Status } from '../api/types';

export function EditionStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'published' ? 'green' : 'gold'} data-testid="edition-status">
      {t(`handbook.status.${status}`)}
    </Tag>
  );
}
