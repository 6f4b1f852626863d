// An event type in words, with its code in small type for the technician who wires it up.
import { useTranslation } from 'react-i18next';

export function EventLabel({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(`support.eventNames.${type}`, { defaultValue: type })} <span className="xg-code">{type}</span>
    </span>
  );
}
