import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '@/lib/i18n';

/** `compact` fits a phone header: no icon, no minimum width. */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('user.language')}
      data-testid="language-switcher"
      value={i18n.language as Language}
      onChange={(language) => void changeLanguage(language)}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      suffixIcon={compact ? null : <GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      style={compact ? undefined : { minWidth: 120 }}
      variant="borderless"
    />
  );
}
