// The venue a partner lends for an event (an accepted venue pledge): "县工商银行 · 工商银行门前广场".
// Choosing one fills the place when it is still empty; the partner then sees the event.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVenuePledges, type VenuePledge } from '../api/get-venue-pledges';

export function venueLabel(v: VenuePledge): string {
  return `${v.partnerName} · ${v.place}`;
}

export function VenuePledgeSelect({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The venue chosen (to fill the place). */
  onPicked?: (venue: VenuePledge) => void;
}) {
  const { t } = useTranslation();
  const venues = useVenuePledges();
  return (
    <Select
      id={id}
      size="large"
      allowClear
      value={value ?? undefined}
      loading={venues.isLoading}
      placeholder={t('events.venueNone')}
      notFoundContent={t('events.venueNoneOffered')}
      options={(venues.data ?? []).map((v) => ({ value: v.id, label: venueLabel(v) }))}
      onChange={(v: string | undefined) => {
        onChange?.(v ?? null);
        const picked = venues.data?.find((x) => x.id === v);
        if (picked) onPicked?.(picked);
      }}
      data-testid="venue-pledge"
    />
  );
}

/** "场地由县工商银行提供（工商银行门前广场）" for staff, who may read the pledges. */
export function VenueNote({ pledgeId }: { pledgeId: string }) {
  const { t } = useTranslation();
  const venues = useVenuePledges();
  const venue = venues.data?.find((v) => v.id === pledgeId);
  return venue ? <span data-testid="venue-note">{t('events.venueBy', { partner: venue.partnerName, place: venue.place })}</span> : null;
}
