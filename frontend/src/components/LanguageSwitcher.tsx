import { useState } from 'react';
import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '@/lib/i18n';

/** The app's focus ring (see styles.css), which a borderless Select does not get from its theme. */
const FOCUS_RING = { outline: '3px solid #1f1f1f', outlineOffset: 2, borderRadius: 4 };

/** `compact` fits a phone header: no icon, no minimum width. */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  // Borderless, it shows nothing when it has the focus: a keyboard user gets the ring.
  const [ring, setRing] = useState(false);
  return (
    <Select<Language>
      aria-label={t('user.language')}
      data-testid="language-switcher"
      value={i18n.language as Language}
      onChange={(language) => void changeLanguage(language)}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      suffixIcon={compact ? null : <GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      onFocus={(e) => setRing(e.target instanceof Element && e.target.matches(':focus-visible'))}
      onBlur={() => setRing(false)}
      style={{ ...(compact ? undefined : { minWidth: 120 }), ...(ring ? FOCUS_RING : undefined) }}
      variant="borderless"
    />
  );
}
