import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select
      size="small"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      style={{ width: 110 }}
    />
  );
}
