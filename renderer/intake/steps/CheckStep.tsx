import { Alert, App, Button, Card, Form, Input, List, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateHit } from '../../../domain/identity/checks';
import { benefitHits, type DuplicateCheck } from '../../../domain/intake/submission';
import type { IntakeDraft } from '../../../domain/intake/draft';
import { evaluateDraft } from '../../../domain/intake/findings';
import { loadPolicyDocs } from '../../policy/policy-store';
import { ruleTitle, type Outcome } from '../../../domain/rules';
import { getApi } from '../../api/client';
import { IdentityEvidenceView } from '../../review/dossier/IdentityEvidenceView';
import { duplicateCheck, identityOf } from '../submit';
import type { ActiveSession } from '../../session/session';

const COLORS: Record<Outcome, string> = { pass: 'green', fail: 'red', needs_review: 'orange' };

interface Props {
  session: ActiveSession;
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
  onDuplicates: (check: DuplicateCheck) => void;
}

export function CheckStep({ session, draft, update, onDuplicates }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [hits, setHits] = useState<DuplicateHit[]>();
  const today = new Date().toISOString().slice(0, 10);
  // The district's policy in force: programme thresholds and the signed overrides this workstation trusts.
  const [policyDocs, setPolicyDocs] = useState<Awaited<ReturnType<typeof loadPolicyDocs>>>();
  useEffect(() => void loadPolicyDocs(session.db).then(setPolicyDocs), [session]);
  const evaluation = useMemo(() => (policyDocs ? evaluateDraft(draft, session.user.districtId, today, policyDocs) : undefined), [draft, session, today, policyDocs]);
  // The same evidence the submission records on the case (card ↔ papers ↔ face ↔ fingerprint).
  const identity = useMemo(() => identityOf(draft), [draft]);

  useEffect(() => {
    let live = true;
    // The same check the submission runs again: shown here, never trusted by it.
    void duplicateCheck(session.cases, draft).then((check) => {
      if (!live) return;
      // The benefit a renewal or an exit is about is no second benefit (the domain's benefitHits).
      setHits(benefitHits({ businessItem: draft.businessItem, item: draft.item ?? null }, check.hits));
      onDuplicates(check);
    });
    return () => {
      live = false;
    };
  }, [draft.members, draft.caseId, draft.item, draft.businessItem, session, onDuplicates]);

  const authorize = async (values: { username: string; password: string; reason: string }) => {
    try {
      if (!values.reason?.trim()) throw new Error(t('intake.overrideReason'));
      // Signed in the main process with the reviewer's own key; the submission checks it names this case.
      const override = await getApi().invoke('session/override', { username: values.username, password: values.password, caseId: draft.caseId, reason: values.reason.trim() });
      update((d) => ({ ...d, override }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <IdentityEvidenceView evidence={identity} />
      <Card size="small" title={t('intake.evaluate')}>
        <List
          data-testid="eligibility"
          dataSource={evaluation?.results ?? []}
          renderItem={(r) => (
            <List.Item data-testid={`rule-${r.rule}`} data-outcome={r.outcome}>
              <Space>
                <Tag color={COLORS[r.outcome]}>{t(`intake.outcomes.${r.outcome}`)}</Tag>
                <strong>{ruleTitle(r.rule, i18n.language)}</strong>
                {i18n.language.startsWith('en') && r.reasonEn ? <span>{r.reasonEn}</span> : <span lang="zh">{r.reason}</span>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('intake.duplicates')} data-testid="duplicates">
        {hits && hits.length === 0 && <Alert type="success" showIcon title={t('intake.noDuplicates')} />}
        {hits?.map((h) => <Alert key={h.caseId} type="error" showIcon title={h.message} style={{ marginBottom: 8 }} />)}
        {hits && hits.length > 0 && !draft.override && (
          <Form layout="inline" onFinish={authorize} style={{ marginTop: 8 }}>
            <Form.Item name="username" label={t('intake.override')}>
              <Input placeholder={t('login.username')} data-testid="override-user" />
            </Form.Item>
            <Form.Item name="password">
              <Input.Password placeholder={t('login.password')} data-testid="override-password" />
            </Form.Item>
            <Form.Item name="reason">
              <Input placeholder={t('intake.overrideReason')} data-testid="override-reason" />
            </Form.Item>
            <Button htmlType="submit" data-testid="override-submit">
              {t('intake.overrideSubmit')}
            </Button>
          </Form>
        )}
        {draft.override && <Alert type="warning" showIcon title={`${draft.override.actor.name}:${draft.override.reason}`} data-testid="override-done" />}
      </Card>
    </Space>
  );
}
