// The case dossier inside the review drawer: the papers (补正告知书 of a return, receipt reprint),
// then tabs for the household, the materials, the checks and the signed history. Read from the
// local database when the case opens and again when `version` changes (a decision here, or the
// case updated by sync).
import { Alert, App, Button, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/client';
import { downloadPdf } from '../../intake/pdf';
import type { ActiveSession } from '../../session/session';
import { ChecksSection } from './ChecksSection';
import { DOSSIER_NS } from './i18n';
import { MaterialsSection, type LoadScan } from './MaterialsSection';
import { MembersSection } from './MembersSection';
import { printCorrectionNotice, printDecision, readDossier, reprintReceipt, type Dossier } from './read-dossier';
import { TimelineSection } from './TimelineSection';

export function DossierView({ session, caseId, version, onOpenCase }: { session: ActiveSession; caseId: string; version: string; onOpenCase: (caseId: string) => void }) {
  const { t } = useTranslation(DOSSIER_NS);
  const { message } = App.useApp();
  const [dossier, setDossier] = useState<Dossier>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'notice' | 'receipt' | 'decision'>();

  useEffect(() => {
    let live = true;
    setError(undefined);
    readDossier(session.cases, session.sync.signatures, caseId).then(
      (d) => live && setDossier(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [session, caseId, version]);

  if (error) return <Alert type="error" showIcon title={t('failed', { message: error })} />;
  if (!dossier || dossier.caseDoc.id !== caseId) return <Spin description={t('loading')} />;

  const print = async (what: 'notice' | 'receipt' | 'decision') => {
    setBusy(what);
    try {
      const pdf =
        what === 'notice'
          ? await printCorrectionNotice(getApi(), session.cases, dossier)
          : what === 'decision'
            ? await printDecision(getApi(), session.cases, dossier)
            : await reprintReceipt(getApi(), session.cases, dossier);
      downloadPdf(pdf);
      void message.success(t('papers.printed', { file: pdf.fileName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  const blobs = session.sync.blobs;
  const load: LoadScan | undefined = blobs ? (scan) => blobs.getBlob(scan.id, scan.officeId, scan.contentHash) : undefined;
  const returned = dossier.timeline.state.status === 'returned';
  const accepted = dossier.timeline.events.some((e) => e.kind === 'accept');
  const decided = Object.keys(dossier.timeline.state.decisions).length > 0 || ['completed', 'exited', 'rejected'].includes(dossier.timeline.state.status);

  return (
    <div data-testid="dossier">
      <Space wrap style={{ marginBottom: 8 }}>
        {returned && (
          <Button type="primary" loading={busy === 'notice'} onClick={() => void print('notice')} data-testid="print-correction-notice">
            {t('papers.notice')}
          </Button>
        )}
        {accepted && (
          <Button loading={busy === 'receipt'} onClick={() => void print('receipt')} data-testid="reprint-receipt">
            {t('papers.reprint')}
          </Button>
        )}
        {decided && (
          <Button loading={busy === 'decision'} onClick={() => void print('decision')} data-testid="print-decision">
            {t('papers.decision')}
          </Button>
        )}
      </Space>
      <Tabs
        size="small"
        items={[
          { key: 'members', label: t('sections.members'), children: <MembersSection ctx={session.cases} caseDoc={dossier.caseDoc} members={dossier.household.members} /> },
          { key: 'materials', label: t('sections.materials'), children: <MaterialsSection materials={dossier.materials} load={load} /> },
          { key: 'checks', label: t('sections.checks'), children: <ChecksSection checks={dossier.checks} onOpenCase={onOpenCase} /> },
          { key: 'timeline', label: t('sections.timeline'), children: <TimelineSection rows={dossier.timeline.rows} /> },
        ]}
      />
    </div>
  );
}
