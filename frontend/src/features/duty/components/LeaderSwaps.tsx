// A leader's side of duty swaps (换班), on 我的值班: under each of their nights, 找人替班 (or where
// the offer stands, and taking it back); 可以接的班, the nights other leaders offer, each with 我来接
// and what will happen when they take it; and 我的换班, the nights they offered or took and what
// became of them, in plain words.
import { useRef, useState, type Ref } from 'react';
import { App, Alert, Button, Card, Empty, List, Space, Tag, Typography, type ButtonProps } from 'antd';
import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFocusOnChange } from '@/components/focus';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { useReportError } from '@/lib/forms';
import type { Assignment } from '../api/get-roster';
import type { Swap } from '../api/get-swaps';
import { useTakeSwap } from '../api/take-swap';
import { useWithdrawSwap } from '../api/withdraw-swap';
import { SwapStatusTag } from './DutyTags';
import { heldReason, isOpen, offersFor, swapProblemMessage, swapsOf, swapStory, type SwapAction } from './swaps';
import { formatNight, whenText } from './text';

/** Reports a refused swap move in words for that move, else through its code. */
function useReportSwapError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  return (action: SwapAction, error: unknown) => {
    const words = swapProblemMessage(t, action, error);
    if (words) void message.error(words);
    else report(error);
  };
}

/** 撤回: the leader who offered a night takes the offer back; the night stays theirs. */
export function WithdrawSwap({
  swap,
  today,
  block,
  buttonRef,
}: {
  swap: Swap;
  today: string;
  block?: boolean;
  buttonRef?: Ref<HTMLButtonElement | HTMLAnchorElement>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const reportSwap = useReportSwapError();
  const withdraw = useWithdrawSwap();
  const night = formatNight(swap.night, i18n.language, { today });
  return (
    <KeyboardPopconfirm
      title={t('duty.swap.withdrawConfirm', { night })}
      description={t('duty.swap.withdrawHint')}
      okText={t('duty.swap.withdraw')}
      cancelText={t('duty.cancel')}
      okButtonProps={{ size: 'large', 'data-testid': 'withdraw-confirm' } as ButtonProps}
      cancelButtonProps={{ size: 'large' }}
      onConfirm={() =>
        withdraw
          .mutateAsync({ id: swap.id, version: swap.version })
          .then(() => message.success(t('duty.swap.withdrawn')))
          .catch((e: unknown) => reportSwap('withdraw', e))
      }
    >
      <Button
        ref={buttonRef}
        size="large"
        block={block}
        icon={<RollbackOutlined aria-hidden />}
        loading={withdraw.isPending}
        aria-label={t('duty.actionFor', { action: t('duty.swap.withdraw'), what: night })}
        data-testid="withdraw-swap"
      >
        {t('duty.swap.withdraw')}
      </Button>
    </KeyboardPopconfirm>
  );
}

/**
 * Under one of my nights: 找人替班, or — while it is offered or waits for the office — where it
 * stands and 撤回. Nothing for a night already recorded (it can no longer be offered).
 */
export function NightSwap({
  night,
  assignment,
  swap,
  meId,
  today,
  onOffer,
}: {
  night: string;
  assignment: Assignment | undefined;
  swap: Swap | undefined;
  meId: string;
  today: string;
  onOffer: () => void;
}) {
  const { t, i18n } = useTranslation();
  // 找人替班 and 撤回 take each other's place: the focus follows from one to the other.
  const offered = !!swap && isOpen(swap);
  const button = useRef<HTMLButtonElement | HTMLAnchorElement>(null);
  useFocusOnChange(offered, button);
  if (!assignment || assignment.status !== 'scheduled') return null;
  if (swap && offered) {
    return (
      <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }} data-testid="night-swap">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <SwapStatusTag status={swap.status} />
            <Typography.Text>{swapStory(t, swap, meId)}</Typography.Text>
          </div>
          <WithdrawSwap swap={swap} today={today} block buttonRef={button} />
        </Space>
      </div>
    );
  }
  return (
    <Button
      ref={button}
      size="large"
      block
      icon={<SwapOutlined aria-hidden />}
      onClick={onOffer}
      aria-label={t('duty.actionFor', { action: t('duty.swap.offer'), what: formatNight(night, i18n.language) })}
      data-testid="offer-swap"
    >
      {t('duty.swap.offer')}
    </Button>
  );
}

/** A night in a swap list: how soon, and the date with its weekday, large. */
function SwapNight({ swap, today }: { swap: Swap; today: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <Tag color={swap.night === today ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
        {whenText(t, swap.night, today)}
      </Tag>
      <Typography.Text strong style={{ fontSize: '1.125em' }} data-testid="swap-night">
        {formatNight(swap.night, i18n.language, { today, weekday: 'long' })}
      </Typography.Text>
    </div>
  );
}

function Note({ note }: { note: string }) {
  const { t } = useTranslation();
  if (!note.trim()) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="swap-note">
      {t('duty.swap.note', { note: note.trim() })}
    </Typography.Paragraph>
  );
}

/** What taking a night did: moved at once, or waits for the office (and why). */
function TakeResult({ swap, today, onClose }: { swap: Swap; today: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const night = formatNight(swap.night, i18n.language, { today });
  const moved = swap.status === 'approved';
  const reason = heldReason(t, swap.held_because);
  return (
    <Alert
      type={moved ? 'success' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      data-testid="take-result"
      message={moved ? t('duty.swap.tookNow', { night }) : t('duty.swap.tookWaiting', { night })}
      description={
        moved ? undefined : (
          <>
            {reason && <Typography.Paragraph style={{ margin: 0 }}>{t('duty.swap.reason', { reason })}</Typography.Paragraph>}
            <Typography.Paragraph style={{ margin: 0 }}>{t('duty.swap.tookWaitingHint', { name: swap.offered_by_name })}</Typography.Paragraph>
          </>
        )
      }
    />
  );
}

/**
 * 可以接的班: nights other leaders offer. Each says who offers it and their word; 我来接 asks once
 * more, saying what happens. A night the leader is on already, or said they cannot come, says
 * so instead of offering the button (the server would refuse it).
 */
export function OpenOffers({
  swaps,
  meId,
  today,
  loading,
  myNights,
  away,
}: {
  swaps: Swap[];
  meId: string;
  today: string;
  loading?: boolean;
  /** Nights the leader is on duty already. */
  myNights: Set<string>;
  /** Whether the leader said they cannot come that night. */
  away: (night: string) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const reportSwap = useReportSwapError();
  const take = useTakeSwap();
  const [taken, setTaken] = useState<Swap | null>(null);
  const offers = offersFor(swaps, meId);
  return (
    <Card title={t('duty.swap.openTitle')} data-testid="open-offers">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('duty.swap.openIntro')}</Typography.Text>
        {taken && <TakeResult swap={taken} today={today} onClose={() => setTaken(null)} />}
        <List
          loading={loading}
          dataSource={offers}
          rowKey={(s) => s.id}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.swap.noOffers')} /> }}
          renderItem={(swap) => {
            const night = formatNight(swap.night, i18n.language, { today });
            const blocked = myNights.has(swap.night) ? t('duty.swap.alreadyOnDuty') : away(swap.night) ? t('duty.swap.unavailable') : null;
            return (
              <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid="open-offer">
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <SwapNight swap={swap} today={today} />
                  <Typography.Text data-testid="offered-by">{t('duty.swap.othersOffered', { name: swap.offered_by_name })}</Typography.Text>
                  <Note note={swap.note} />
                  {blocked ? (
                    <Typography.Text type="secondary" data-testid="cannot-take">
                      {blocked}
                    </Typography.Text>
                  ) : (
                    <KeyboardPopconfirm
                      title={t('duty.swap.takeConfirm', { night })}
                      description={<div style={{ maxWidth: 280 }}>{t('duty.swap.takeHint')}</div>}
                      okText={t('duty.swap.take')}
                      cancelText={t('duty.cancel')}
                      okButtonProps={{ size: 'large', 'data-testid': 'take-confirm' } as ButtonProps}
                      cancelButtonProps={{ size: 'large' }}
                      onConfirm={() =>
                        take
                          .mutateAsync({ id: swap.id, version: swap.version })
                          .then(setTaken)
                          .catch((e: unknown) => reportSwap('take', e))
                      }
                    >
                      <Button
                        type="primary"
                        size="large"
                        block
                        icon={<SwapOutlined aria-hidden />}
                        loading={take.isPending && take.variables?.id === swap.id}
                        aria-label={t('duty.actionFor', { action: t('duty.swap.take'), what: night })}
                        data-testid="take-swap"
                      >
                        {t('duty.swap.take')}
                      </Button>
                    </KeyboardPopconfirm>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      </Space>
    </Card>
  );
}

/** 我的换班: nights the leader offered or took, what became of each; 撤回 while still open. */
export function MySwaps({ swaps, meId, today, loading }: { swaps: Swap[]; meId: string; today: string; loading?: boolean }) {
  const { t } = useTranslation();
  const mine = swapsOf(swaps, meId);
  // Nothing to show until the leader has offered or taken a night.
  if (!loading && mine.length === 0) return null;
  return (
    <Card title={t('duty.swap.mineTitle')} data-testid="my-swaps">
      <List
        loading={loading}
        dataSource={mine}
        rowKey={(s) => s.id}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.swap.noMine')} /> }}
        renderItem={(swap) => {
          const reason = swap.status === 'taken' ? heldReason(t, swap.held_because) : null;
          return (
            <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid="my-swap">
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
                  <SwapNight swap={swap} today={today} />
                  <SwapStatusTag status={swap.status} />
                </div>
                <Typography.Text data-testid="swap-story">{swapStory(t, swap, meId)}</Typography.Text>
                {reason && <Typography.Text type="secondary">{t('duty.swap.reason', { reason })}</Typography.Text>}
                <Note note={swap.note} />
                {swap.offered_by === meId && isOpen(swap) && <WithdrawSwap swap={swap} today={today} block />}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
