import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '../api/get-notifications';
import { KIND_COLORS, KIND_ICONS } from './text';

export function KindTag({ kind }: { kind: NotificationKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} icon={KIND_ICONS[kind]} data-testid="notification-kind">
      {t(`notifications.kind.${kind}`)}
    </Tag>
  );
}
