import { Alert, Button, Checkbox, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, IntakeDraft } from '../../../domain/intake/draft';
import { missingMaterials } from '../../../domain/intake/draft';
import { receivedItems, setReceived } from '../../../domain/intake/received';
import type { Role } from '../../../domain/model/events';
import { catalogueItem, draftItemCode, startableItems } from '../materials';
import { INTAKE_NS } from '../i18n';
import { ItemDetails } from './ItemDetails';

interface Props {
  draft: IntakeDraft;
  items: readonly ChecklistItem[];
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
  onPrintNotice: () => void;
  /** Why the notice cannot be printed yet (the domain's reason), if it cannot. */
  noticeProblem: string | undefined;
  roles: readonly Role[];
  districtId: string;
}

export function ItemStep({ draft, items, update, onPrintNotice, noticeProblem, roles, districtId }: Props) {
  const { t, i18n } = useTranslation();
  const missing = missingMaterials(items, draft.received);
  const code = draftItemCode(draft);
  const item = catalogueItem(code, districtId);
  const english = i18n.language.startsWith('en');
  // Grouped by category; only the items these roles may start (acts on an open case are taken there).
  const options = [...startableItems(roles)].map(([category, list]) => ({
    label: t(`${INTAKE_NS}:categories.${category}`),
    options: list.map((i) => ({ value: i.code, label: english ? i.name.en : i.name.zh })),
  }));
  return (
    <Form layout="vertical">
      <Form.Item label={t('intake.item')}>
        <Select<string>
          value={code ?? undefined}
          placeholder={t('cases.selectItem')}
          data-testid="intake-item"
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => {
            const chosen = catalogueItem(v, districtId);
            if (chosen) void update((d) => ({ ...d, businessItem: chosen.programme, item: chosen.code, received: [] }));
          }}
          options={options}
        />
      </Form.Item>
      {item && <ItemDetails item={item} />}
      {draft.businessItem && (
        <Form.Item label={t('intake.checklist')}>
          <Checkbox.Group
            value={receivedItems(items, draft.received).map((i) => i.id)}
            onChange={(v) => update((d) => ({ ...d, received: setReceived(items, d.received, v as string[]) }))}
            style={{ display: 'grid', gap: 6 }}
            data-testid="intake-checklist"
            options={items.map((i) => ({ value: i.id, label: english ? (i.labelEn ?? i.label) : i.label }))}
          />
        </Form.Item>
      )}
      {draft.businessItem && (
        <Space>
          <Alert type={missing.length ? 'warning' : 'success'} showIcon title={missing.length ? t('intake.missingCount', { count: missing.length }) : t('intake.noMissing')} />
          <Button onClick={onPrintNotice} disabled={noticeProblem !== undefined} title={noticeProblem} data-testid="print-notice">
            {t('intake.printNotice')}
          </Button>
          {noticeProblem && missing.length > 0 && <span data-testid="notice-problem">{noticeProblem}</span>}
        </Space>
      )}
    </Form>
  );
}
