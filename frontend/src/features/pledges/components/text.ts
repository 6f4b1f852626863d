// How support is put into words: quantities in their unit, pledged things, statuses.
import type { TFunction } from 'i18next';
import { formatMoney } from '@/lib/format';
import type { SupportDetails } from '../api/get-pledges';

/** A quantity in a need's or pledge's measure: fen as money, slots, person-hours, or pieces. */
export function formatQuantity(t: TFunction, language: string, unit: string, quantity: number): string {
  switch (unit) {
    case 'fen':
      return formatMoney(quantity, language);
    case 'slot':
      return t('support.units.slot', { count: quantity });
    case 'person_hour':
      return t('support.units.personHour', { count: quantity });
    default:
      return `${quantity} ${unit}`;
  }
}

/** The measure unit of a pledge kind (goods are counted in pieces). */
export function unitOfKind(kind: SupportDetails['kind']): string {
  return { money: 'fen', goods: '件', venue: 'slot', volunteer_time: 'person_hour' }[kind];
}

/** What is pledged, in one line. */
export function describeSupport(t: TFunction, language: string, support: SupportDetails): string {
  switch (support.kind) {
    case 'money':
      return formatMoney(support.amount_fen, language);
    case 'goods':
      return support.items.map((i) => `${i.name} ${i.quantity} ${i.unit}`).join(t('support.listSeparator'));
    case 'venue':
      return t('support.venueLine', { place: support.place, count: support.slots.length });
    case 'volunteer_time':
      return t('support.volunteerLine', { people: support.people, hours: support.hours });
  }
}
