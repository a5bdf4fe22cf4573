// Print buttons of one visit: its 入户核查记录 always, its 整改通知书 where it found something.
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsRectification, type ConditionCatalogue } from '../../domain/inspection';
import type { InspectionDoc } from '../../domain/model/field';
import { getApi } from '../api/client';
import type { CaseContext } from '../cases/case-store';
import { downloadPdf } from '../intake/pdf';
import { INSPECTION_NS } from './i18n';
import { printVisit } from './print';

export function PrintButtons({ ctx, visit, occupantName, catalogue }: { ctx: CaseContext; visit: InspectionDoc; occupantName?: string | null; catalogue?: ConditionCatalogue }) {
  const { t } = useTranslation(INSPECTION_NS);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const print = async (kind: 'record' | 'rectification') => {
    setBusy(kind);
    try {
      const pdf = await printVisit(getApi(), ctx, visit, kind, { occupantName, catalogue });
      downloadPdf(pdf);
      void message.success(t('printed', { file: pdf.fileName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space size={4} wrap>
      <Button size="small" loading={busy === 'record'} onClick={() => void print('record')} data-testid="print-record">
        {t('printRecord')}
      </Button>
      {needsRectification(visit) && (
        <Button size="small" loading={busy === 'rectification'} onClick={() => void print('rectification')} data-testid="print-rectification">
          {t('printNotice')}
        </Button>
      )}
    </Space>
  );
}
