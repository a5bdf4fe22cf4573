import { Alert, Button, Checkbox, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, IntakeDraft } from '../../../domain/intake/draft';
import { missingMaterials } from '../../../domain/intake/draft';
import { receivedItems, setReceived } from '../../../domain/intake/received';
import { BUSINESS_ITEMS, LEGACY_ITEMS, type BusinessItem } from '../../../domain/model';

interface Props {
  draft: IntakeDraft;
  items: readonly ChecklistItem[];
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
  onPrintNotice: () => void;
  /** Why the notice cannot be printed yet (the domain's reason), if it cannot. */
  noticeProblem: string | undefined;
}

export function ItemStep({ draft, items, update, onPrintNotice, noticeProblem }: Props) {
  const { t } = useTranslation();
  const missing = missingMaterials(items, draft.received);
  return (
    <Form layout="vertical">
      <Form.Item label={t('intake.item')}>
        <Select<BusinessItem>
          value={draft.businessItem ?? undefined}
          placeholder={t('cases.selectItem')}
          data-testid="intake-item"
          onChange={(v) => update((d) => ({ ...d, businessItem: v, received: [] }))}
          options={BUSINESS_ITEMS.filter((i) => !LEGACY_ITEMS.includes(i)).map((i) => ({ value: i, label: t(`items.${i}`) }))}
        />
      </Form.Item>
      {draft.businessItem && (
        <Form.Item label={t('intake.checklist')}>
          <Checkbox.Group
            value={receivedItems(items, draft.received).map((i) => i.id)}
            onChange={(v) => update((d) => ({ ...d, received: setReceived(items, d.received, v as string[]) }))}
            style={{ display: 'grid', gap: 6 }}
            data-testid="intake-checklist"
            options={items.map((i) => ({ value: i.id, label: i.label }))}
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
