// What the chosen item asks for, from the catalogue in the screen's language: its form sections,
// its conditions (rules) and its stages with their 办理时限.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, Text } from '../../../domain/catalogue/types';
import { FORM_FIELDS } from '../../../domain/catalogue/vocabulary';
import { RULE_TITLES } from '../../../domain/rules/result';
import { INTAKE_NS } from '../i18n';

export function ItemDetails({ item }: { item: CatalogueItem }) {
  const { t, i18n } = useTranslation(INTAKE_NS);
  const say = (x: Text) => (i18n.language.startsWith('en') ? x.en : x.zh);
  const rules = item.rules.map((r) => (r.kind === 'condition' ? say(r.title) : RULE_TITLES[r.rule]));
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="intake-item-details">
      <Descriptions.Item label={t('sections')}>
        {item.sections.map((s) => (
          <div key={s.id} data-testid={`intake-section-${s.id}`}>
            <b>{say(s.title)}</b>:{s.fields.map((f) => (FORM_FIELDS[f] ? say(FORM_FIELDS[f]) : f)).join('、')}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('rules')}>{rules.length > 0 ? rules.map((r) => <Tag key={r}>{r}</Tag>) : t('noRules')}</Descriptions.Item>
      <Descriptions.Item label={t('stages')}>
        <span data-testid="intake-item-stages">
          {item.stages
            .filter((s) => s.deadlineDays !== null)
            .map((s) => `${say(s.name)}(${t('days', { count: s.deadlineDays! })})`)
            .join(' → ')}
        </span>
        {item.illustrative && <Tag style={{ marginLeft: 8 }}>{t('illustrative')}</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}
