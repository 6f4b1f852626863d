import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../api/get-teams';

const COLORS: Record<MembershipStatus, string> = { requested: 'gold', member: 'green', declined: 'red', left: 'default' };

export function MembershipTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="membership-status">
      {t(`teams.status.${status}`)}
    </Tag>
  );
}
