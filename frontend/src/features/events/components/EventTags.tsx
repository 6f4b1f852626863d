import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../api/get-events';
import type { RegistrationStatus } from '../api/get-registrations';

const COLORS: Record<RegistrationStatus, string> = { registered: 'blue', waitlisted: 'gold', cancelled: 'default', attended: 'green' };

export function RegistrationTag({ status, walkIn }: { status: RegistrationStatus; walkIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="registration-status">
      {t(`events.registrationStatus.${status}`)}
      {walkIn ? `（${t('events.walkIn')}）` : ''}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: EventKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`events.kind.${kind}`)}</Tag>;
}
