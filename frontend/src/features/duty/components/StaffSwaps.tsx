// The planner's 换班 tab: the swaps waiting for staff — a leader took a night under a rule that is
// not met (too little rest, or a load well above the others') — each with the reason, the
// offerer's word, 批准 and 不批准; then every other swap from tonight on and where it stands.
import { App, Button, Card, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { useReportError } from '@/lib/forms';
import { useApproveSwap } from '../api/approve-swap';
import { useSwaps, type Swap } from '../api/get-swaps';
import { useRejectSwap } from '../api/reject-swap';
import { SwapStatusTag } from './DutyTags';
import { heldReason, swapPair, swapProblemMessage, waitingForStaff } from './swaps';
import { formatNight, whenText } from './text';

function SwapDate({ swap, today }: { swap: Swap; today: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid="swap-night">
        {formatNight(swap.night, i18n.language, { today })}
      </Typography.Text>
      <Tag color={swap.night === today ? 'red' : 'default'}>{whenText(t, swap.night, today)}</Tag>
    </div>
  );
}

function Decide({ swap, today }: { swap: Swap; today: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const approve = useApproveSwap();
  const reject = useRejectSwap();
  const what = `${formatNight(swap.night, i18n.language, { today })} ${swapPair(t, swap)}`;
  const failed = (e: unknown) => {
    const words = swapProblemMessage(t, 'decide', e);
    if (words) void message.error(words);
    else report(e);
  };
  return (
    <Space wrap>
      <Button
        type="primary"
        icon={<CheckOutlined aria-hidden />}
        loading={approve.isPending}
        disabled={reject.isPending}
        aria-label={t('duty.actionFor', { action: t('duty.swap.approve'), what })}
        onClick={() =>
          approve
            .mutateAsync({ id: swap.id, version: swap.version })
            .then(() => message.success(t('duty.swap.approved', { name: swap.taken_by_name ?? '' })))
            .catch(failed)
        }
        data-testid="approve-swap"
      >
        {t('duty.swap.approve')}
      </Button>
      <Popconfirm
        title={t('duty.swap.rejectConfirm')}
        description={t('duty.swap.rejectHint', { name: swap.offered_by_name })}
        okText={t('duty.swap.reject')}
        cancelText={t('duty.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' } as ButtonProps}
        onConfirm={() =>
          reject
            .mutateAsync({ id: swap.id, version: swap.version })
            .then(() => message.success(t('duty.swap.rejected')))
            .catch(failed)
        }
      >
        <Button
          danger
          icon={<CloseOutlined aria-hidden />}
          loading={reject.isPending}
          disabled={approve.isPending}
          aria-label={t('duty.actionFor', { action: t('duty.swap.reject'), what })}
          data-testid="reject-swap"
        >
          {t('duty.swap.reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function Note({ note }: { note: string }) {
  return note.trim() ? <span style={{ overflowWrap: 'anywhere' }}>{note.trim()}</span> : <Typography.Text type="secondary">—</Typography.Text>;
}

export function StaffSwaps({ today }: { today: string }) {
  const { t } = useTranslation();
  const swaps = useSwaps();
  const all = swaps.data ?? [];
  const waiting = waitingForStaff(all);
  const others = all.filter((s) => s.status !== 'taken');
  const reason = (s: Swap) => heldReason(t, s.held_because) ?? '—';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('duty.swap.staffIntro')}
      </Typography.Paragraph>
      <Card title={t('duty.swap.waitingTitle', { count: waiting.length })} data-testid="swaps-waiting">
        <DataList<Swap>
          testId="waiting-swaps"
          itemTestId="waiting-swap"
          rows={waiting}
          rowKey={(s) => s.id}
          loading={swaps.isLoading}
          empty={t('duty.swap.nothingWaiting')}
          card={(s) => (
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <SwapDate swap={s} today={today} />
              <Typography.Text strong>{swapPair(t, s)}</Typography.Text>
              <Typography.Text>{t('duty.swap.reason', { reason: reason(s) })}</Typography.Text>
              {s.note.trim() && <Typography.Text type="secondary">{t('duty.swap.note', { note: s.note.trim() })}</Typography.Text>}
              <Decide swap={s} today={today} />
            </Space>
          )}
          columns={[
            { title: t('duty.date'), key: 'night', width: 190, render: (_, s) => <SwapDate swap={s} today={today} /> },
            { title: t('duty.swap.who'), key: 'who', render: (_, s) => <Typography.Text strong>{swapPair(t, s)}</Typography.Text> },
            { title: t('duty.swap.reasonColumn'), key: 'reason', render: (_, s) => <div style={{ maxWidth: 260 }}>{reason(s)}</div> },
            { title: t('duty.swap.noteColumn'), key: 'note', render: (_, s) => <div style={{ maxWidth: 220 }}>{<Note note={s.note} />}</div> },
            { title: t('duty.actions'), key: 'actions', render: (_, s) => <Decide swap={s} today={today} /> },
          ]}
        />
      </Card>
      <Card title={t('duty.swap.othersTitle')} data-testid="swaps-others">
        <DataList<Swap>
          testId="other-swaps"
          itemTestId="other-swap"
          rows={others}
          rowKey={(s) => s.id}
          loading={swaps.isLoading}
          empty={t('duty.swap.noSwaps')}
          pageSize={20}
          card={(s) => (
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
                <SwapDate swap={s} today={today} />
                <SwapStatusTag status={s.status} />
              </div>
              <Typography.Text>{swapPair(t, s)}</Typography.Text>
              {s.note.trim() && <Typography.Text type="secondary">{t('duty.swap.note', { note: s.note.trim() })}</Typography.Text>}
            </Space>
          )}
          columns={[
            { title: t('duty.date'), key: 'night', width: 190, render: (_, s) => <SwapDate swap={s} today={today} /> },
            { title: t('duty.swap.who'), key: 'who', render: (_, s) => swapPair(t, s) },
            { title: t('duty.swap.statusColumn'), key: 'status', width: 120, render: (_, s) => <SwapStatusTag status={s.status} /> },
            { title: t('duty.swap.noteColumn'), key: 'note', render: (_, s) => <div style={{ maxWidth: 260 }}>{<Note note={s.note} />}</div> },
          ]}
        />
      </Card>
    </Space>
  );
}
