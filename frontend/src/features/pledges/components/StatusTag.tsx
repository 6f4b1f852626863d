import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PledgeStatus } from '../api/get-pledges';
import type { NeedStatus } from '../api/get-needs';

const PLEDGE_COLORS: Record<PledgeStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  declined: 'red',
  withdrawn: 'default',
  fulfilled: 'green',
};

export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLEDGE_COLORS[status]} data-testid="pledge-status">
      {t(`support.pledgeStatus.${status}`)}
    </Tag>
  );
}

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  const color = { open: 'blue', met: 'green', closed: 'default' }[status];
  return <Tag color={color}>{t(`support.needStatus.${status}`)}</Tag>;
}
