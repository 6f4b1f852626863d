// Staff home: swaps waiting for a decision (a leader took a night under a rule that is not met),
// soonest night first, each leading to the planner's 换班 tab.
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { todayInCommunity } from '@/lib/dates';
import { useSwaps } from '../api/get-swaps';
import { heldReason, swapPair, waitingForStaff } from './swaps';
import { formatNight } from './text';

export function SwapsWidget() {
  const { t, i18n } = useTranslation();
  const today = todayInCommunity();
  const swaps = useSwaps();
  const waiting = waitingForStaff(swaps.data ?? []);
  return (
    <ListWidget
      title={<span data-testid="swaps-waiting-count">{t('duty.swap.widgetTitle', { count: waiting.length })}</span>}
      link="/duty?tab=swaps"
      linkLabel={t('duty.swap.toSwaps')}
      loading={swaps.isLoading}
      testId="swaps-widget"
      itemTestId="swaps-widget-item"
      empty={t('duty.swap.nothingWaiting')}
      items={waiting.map((s) => ({
        key: s.id,
        to: '/duty?tab=swaps',
        label: `${formatNight(s.night, i18n.language, { today })} · ${swapPair(t, s)}`,
        detail: heldReason(t, s.held_because) ?? undefined,
      }))}
    />
  );
}
