// Staff home: pledges waiting for a decision, the oldest first, each a link.
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { formatDateTime } from '@/lib/format';
import { usePendingPledges } from '../api/get-pending-pledges';
import { describeSupport } from './text';

export function PendingPledgesWidget() {
  const { t, i18n } = useTranslation();
  const pending = usePendingPledges(true);
  const items = pending.data?.items ?? [];
  const count = `${items.length}${pending.data?.next_cursor ? '+' : ''}`;
  return (
    <ListWidget
      title={<span data-testid="pending-pledges">{t('home.pendingPledges', { count })}</span>}
      link="/pledges?status=submitted"
      linkLabel={t('home.reviewPledges')}
      loading={pending.isLoading}
      empty={t('home.nothingToReview')}
      items={[...items].reverse().map((p) => ({
        key: p.id,
        to: `/pledges/${p.id}`,
        label: `${p.partner_name} · ${describeSupport(t, i18n.language, p.support)}`,
        note: formatDateTime(p.created_at, i18n.language),
      }))}
    />
  );
}
