// One case under review: its contradiction (both decisions), the corrections asked for, the
// decisions the reviewer's role may take from its status, and the case's dossier (household,
// materials, checks, signed history, papers). A duplicate hit's other case opens in a drawer above.
import { Alert, App, Button, Descriptions, Drawer, List, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemName, stageName } from '../../domain/catalogue/names';
import type { CaseDoc } from '../../domain/model';
import { canApply, caseActions, conflictingDecisions, resolutionChoices, type CaseState } from '../../domain/workflow';
import type { ActiveSession } from '../session/session';
import { SignatureProblems } from '../workflow/SignatureProblems';
import { CorrectionModal } from './CorrectionModal';
import { actLabel, DecisionModal, type ModalKind } from './DecisionModal';
import { DossierView } from './dossier/DossierView';
import { TenancyActModal, type TenancyAct } from './TenancyActModal';
import { DOSSIER_NS } from './dossier/i18n';
import { REVIEW_NS } from './i18n';
import { caseState } from './review-store';
import { formatDateTime } from '../i18n/format';

export function ReviewDrawer({ session, caseDoc, onClose }: { session: ActiveSession; caseDoc?: CaseDoc; onClose: () => void }) {
  const { t } = useTranslation(REVIEW_NS);
  const { t: tc, i18n } = useTranslation();
  const [state, setState] = useState<CaseState>();
  const [deciding, setDeciding] = useState<ModalKind>();
  const [tenancy, setTenancy] = useState<TenancyAct>();
  const [version, setVersion] = useState(0);
  const [other, setOther] = useState<CaseDoc>();
  const { t: td } = useTranslation(DOSSIER_NS);
  const { message } = App.useApp();
  const { user } = session;
  const openOther = async (caseId: string) => {
    const doc = await session.db.cases.findOne(caseId).exec();
    if (doc) setOther(doc.toJSON() as unknown as CaseDoc);
    else void message.warning(td('checks.notHere'));
  };
  // Another case clears what was shown; the same case read again (the queue re-reads its page on
  // every change, sync included) keeps its state until the new one is derived, so the buttons and an
  // open 补正 list do not vanish while it is.
  const caseId = caseDoc?.id;
  useEffect(() => setState(undefined), [caseId]);
  useEffect(() => {
    let live = true;
    if (caseDoc) void caseState(session.db, caseDoc.id).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [caseDoc, session]);

  const actor = { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId };
  // The acts of the case's own item at its stage (e.g. 退租 ends with 退房交接), as decide checks them.
  const kinds = state ? caseActions(state, actor) : [];
  const mayResolve = state ? canApply(state, 'resolve_conflict', actor).ok : false;
  // 补正受理: the counter takes the listed materials back (the `correction` item's resubmission).
  const mayCorrect = !!state && state.status === 'returned' && state.missingMaterials.length > 0 && canApply(state, 'submit', actor).ok;
  const [correcting, setCorrecting] = useState(false);
  const conflicts = state ? conflictingDecisions(state) : [];

  return (
    <Drawer open={!!caseDoc} onClose={onClose} title={t('detail')} size={720} data-testid="review-drawer">
      {caseDoc && <SignatureProblems db={session.db} signatures={session.sync.signatures} caseId={caseDoc.id} />}
      {caseDoc && (
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('col.name')}>{caseDoc.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('col.item')}>
            <span data-testid="review-item">{itemName(caseDoc, i18n.language)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('col.status')}>
            <span data-testid="review-status">{tc(`statuses.${state?.status ?? caseDoc.status}`)}</span>
            {stageName(caseDoc, state?.status ?? caseDoc.status, i18n.language) && <span data-testid="review-stage">({stageName(caseDoc, state?.status ?? caseDoc.status, i18n.language)})</span>}
          </Descriptions.Item>
        </Descriptions>
      )}
      {conflicts.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="review-conflict"
          style={{ marginBottom: 16 }}
          title={t('conflictTitle')}
          description={
            <List
              size="small"
              dataSource={conflicts}
              renderItem={(d) => (
                <List.Item data-testid="conflict-decision">
                  {t(`decisions.${d.kind}`, { defaultValue: d.kind })} · {d.actorName} · {formatDateTime(d.at)} → {tc(`statuses.${d.outcome}`)}
                </List.Item>
              )}
            />
          }
        />
      )}
      {state && state.status === 'returned' && state.missingMaterials.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title={`${t('corrections')} · ${td('papers.noticeHelp', { count: state.missingMaterials.length })}`}
          data-testid="review-corrections"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {state.missingMaterials.map((m) => (
                <li key={m.code + m.name}>
                  {m.name}
                  {m.reason ? `:${m.reason}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {(kinds.length > 0 || mayResolve || mayCorrect) && (
        <Space wrap style={{ marginBottom: 16 }}>
          {mayCorrect && (
            <Button type="primary" onClick={() => setCorrecting(true)} data-testid="decide-correction">
              {t('correction.title')}
            </Button>
          )}
          {kinds.map((k) => (
            <Button key={k} type={k.endsWith('approve') || k === 'exit' || k === 'allocate' || k === 'contract' ? 'primary' : 'default'} danger={k.endsWith('reject')} onClick={() => (k === 'allocate' || k === 'contract' ? setTenancy(k) : setDeciding(k))} data-testid={`decide-${k}`}>
              {t(actLabel(k, state?.status))}
            </Button>
          ))}
          {mayResolve && (
            <Button type="primary" danger onClick={() => setDeciding('resolve_conflict')} data-testid="decide-resolve_conflict">
              {t('decisions.resolve_conflict')}
            </Button>
          )}
        </Space>
      )}
      {caseDoc && <DossierView session={session} caseId={caseDoc.id} version={`${version}:${caseDoc.updatedAt}`} onOpenCase={(id) => void openOther(id)} />}
      {caseDoc && (
        <DecisionModal
          session={session}
          caseId={caseDoc.id}
          kind={deciding}
          choices={state ? resolutionChoices(state) : []}
          status={state?.status}
          onClose={(next) => {
            setDeciding(undefined);
            if (next) {
              setState(next);
              setVersion((v) => v + 1);
            }
          }}
        />
      )}
      {caseDoc && (
        <TenancyActModal
          session={session}
          caseId={caseDoc.id}
          kind={tenancy}
          onClose={(next) => {
            setTenancy(undefined);
            if (next) {
              setState(next);
              setVersion((v) => v + 1);
            }
          }}
        />
      )}
      {caseDoc && (
        <CorrectionModal
          session={session}
          caseId={caseDoc.id}
          state={state}
          open={correcting}
          onClose={(next) => {
            setCorrecting(false);
            if (next) {
              setState(next);
              setVersion((v) => v + 1);
            }
          }}
        />
      )}
      {other && <ReviewDrawer session={session} caseDoc={other} onClose={() => setOther(undefined)} />}
    </Drawer>
  );
}
