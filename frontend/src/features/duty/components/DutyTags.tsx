// The small labels of the roster: what kind of night (周末, 节假日 with its name), what became of
// a duty, how many leaders a night still lacks, a night that changed hands and where a swap
// stands. Always words, never colour alone.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyStatus, NightKind } from '../api/get-roster';
import type { SwapStatus } from '../api/get-swaps';
import { SWAP_TAG_COLORS } from './swaps';

/** 周末 or 节假日 (with the holiday's name); nothing on an ordinary weekday. */
export function NightKindTag({ kind, holiday }: { kind: NightKind; holiday?: string | null }) {
  const { t } = useTranslation();
  if (kind === 'weekday') return null;
  return (
    <Tag color={kind === 'holiday' ? 'gold' : 'blue'} data-testid="night-kind">
      {kind === 'holiday' && holiday ? t('duty.holidayNamed', { name: holiday }) : t(`duty.kind.${kind}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<DutyStatus, string> = { scheduled: 'default', served: 'green', no_show: 'red', cancelled: 'default' };

export function DutyStatusTag({ status }: { status: DutyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="duty-status">
      {t(`duty.status.${status}`)}
    </Tag>
  );
}

/** "缺 1 人": a night with fewer leaders than the rules ask for. */
export function ShortTag({ missing }: { missing: number }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="night-short">
      {t('duty.short', { count: missing })}
    </Tag>
  );
}

/** "换班": this leader is on the night because another handed it over. */
export function SwappedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="purple" data-testid="swapped">
      {t('duty.swap.swappedTag')}
    </Tag>
  );
}

/** Where a swap stands, in two or three words: 等人接班, 等待批准, 已换班 … */
export function SwapStatusTag({ status }: { status: SwapStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={SWAP_TAG_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="swap-status">
      {t(`duty.swapStatus.${status}`)}
    </Tag>
  );
}
