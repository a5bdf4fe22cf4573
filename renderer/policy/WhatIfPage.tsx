// The district supervisor's policy what-if: the policy in force for a business item, a draft
// (thresholds changed, rules switched off or on) evaluated on the district's current cases on this
// workstation — counts by street and the cases that would change — and, signed, its publication as
// the district's override. A draft changes nothing until it is published.
import { Alert, Button, Card, Form, InputNumber, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { debounceTime, merge } from 'rxjs';
import { BUSINESS_ITEMS, LEGACY_ITEMS, type BusinessItem, type Thresholds } from '../../domain/model';
import { SWITCHABLE_RULES, type PolicyInForce } from '../../domain/policy/override';
import { whatIfPrepared, type PolicyDraft, type PreparedWhatIf, type WhatIfReport } from '../../domain/policy/what-if';
import { ruleTitle, type RuleId } from '../../domain/rules/result';
import { useReviewOffices } from '../review/use-offices';
import type { ActiveSession } from '../session/session';
import { POLICY_NS } from './i18n';
import { loadPolicy } from './policy-store';
import { PublishModal } from './PublishModal';
import { WhatIfResults } from './WhatIfResults';
import { whatIfSnapshot } from './what-if-snapshot';

type Field = 'incomePerCapitaMax' | 'assetLimitSmall' | 'assetLimitLarge' | 'socialInsuranceYears' | 'minApplicantAge' | 'violationBanYears';
const FIELDS: readonly Field[] = ['incomePerCapitaMax', 'assetLimitSmall', 'assetLimitLarge', 'socialInsuranceYears', 'minApplicantAge', 'violationBanYears'];
type Values = Partial<Record<Field, number | null>>;

function valuesOf(t: Thresholds): Values {
  const limits = t.assetLimits ?? [];
  return {
    incomePerCapitaMax: t.incomePerCapitaMax,
    assetLimitSmall: limits.find((l) => l.maxPersons !== null)?.limit ?? null,
    assetLimitLarge: limits.find((l) => l.maxPersons === null)?.limit ?? null,
    socialInsuranceYears: t.socialInsuranceYears,
    minApplicantAge: t.minApplicantAge,
    violationBanYears: t.violationBanYears,
  };
}

/** The thresholds a form changes (only those it changes). */
function thresholdsOf(values: Values, current: Thresholds): Partial<Thresholds> {
  const now = valuesOf(current);
  const out: Record<string, unknown> = {};
  for (const f of ['incomePerCapitaMax', 'socialInsuranceYears', 'minApplicantAge', 'violationBanYears'] as const) {
    if (values[f] !== undefined && values[f] !== now[f]) out[f] = values[f];
  }
  if (current.assetLimits && (values.assetLimitSmall !== now.assetLimitSmall || values.assetLimitLarge !== now.assetLimitLarge)) {
    out.assetLimits = current.assetLimits.map((l) => ({ ...l, limit: (l.maxPersons === null ? values.assetLimitLarge : values.assetLimitSmall) ?? l.limit }));
  }
  return out as Partial<Thresholds>;
}

const ITEMS = BUSINESS_ITEMS.filter((i) => !LEGACY_ITEMS.includes(i));

export function WhatIfPage({ session }: { session: ActiveSession }) {
  const { t, i18n } = useTranslation(POLICY_NS);
  const { t: tc } = useTranslation();
  const offices = useReviewOffices(session);
  const [item, setItem] = useState<BusinessItem>('public_rental');
  const [inForce, setInForce] = useState<PolicyInForce | null>(null);
  const [prepared, setPrepared] = useState<PreparedWhatIf | null>(null);
  const [values, setValues] = useState<Values>({});
  const [off, setOff] = useState<ReadonlySet<RuleId>>(new Set());
  const [report, setReport] = useState<WhatIfReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [version, setVersion] = useState(0);
  const today = new Date().toISOString().slice(0, 10);

  // Cases arrive and change by sync: the what-if reads them again (the draft is kept).
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const sub = merge(session.db.cases.$, session.db.people.$)
      .pipe(debounceTime(500))
      .subscribe(() => setChanges((n) => n + 1));
    return () => sub.unsubscribe();
  }, [session]);

  useEffect(() => {
    let live = true;
    setInForce(null);
    setPrepared(null);
    setReport(null);
    setError(null);
    loadPolicy(session.db, item, session.user.districtId, today)
      .then((policy) => {
        if (!live) return;
        setInForce(policy);
        setValues(valuesOf(policy.policy.thresholds));
        setOff(new Set(policy.policy.rulesOff));
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [session, item, today, version]);

  useEffect(() => {
    if (!inForce) return undefined;
    let live = true;
    // The cases are read and opened once a session and then kept up to date from the changes; the
    // policy in force is evaluated once (again only for the cases changed since), and each draft
    // re-evaluates only the rules it touches.
    // The snapshot and the outcomes under the policy in force are kept for the next session too
    // (encrypted under the office keys): its first draft reads only what changed since.
    const snapshot = whatIfSnapshot(session.db, offices.map((o) => o.id), session.officeKey, today);
    snapshot
      .prepare(item, inForce.policy)
      .then((p) => {
        if (live) setPrepared(p);
        snapshot.persistSoon();
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [session, offices, item, today, inForce, changes]);

  const draft: PolicyDraft | null = useMemo(() => {
    if (!inForce) return null;
    const was = new Set(inForce.policy.rulesOff);
    return {
      thresholds: thresholdsOf(values, inForce.policy.thresholds),
      rulesOff: [...off].filter((r) => !was.has(r)),
      rulesOn: [...was].filter((r) => !off.has(r)),
    };
  }, [inForce, values, off]);

  const reset = () => {
    if (!inForce) return;
    setValues(valuesOf(inForce.policy.thresholds));
    setOff(new Set(inForce.policy.rulesOff));
    setReport(null);
  };
  const override = inForce?.override;

  return (
    <Card title={<span data-testid="policy-title">{tc('nav.policy')}</span>}>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} data-testid="policy-error" style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('item')}</span>
        <Select value={item} onChange={setItem} style={{ width: 220 }} data-testid="policy-item" options={ITEMS.map((i) => ({ value: i, label: tc(`items.${i}`) }))} />
        <Typography.Text type="secondary" data-testid="policy-in-force">
          {override ? t('inForceSince', { date: override.effectiveFrom, name: override.actor?.name ?? '' }) : t('noOverride')}
        </Typography.Text>
      </Space>
      {!prepared || !inForce ? (
        !error && <Spin description={t('loading')} />
      ) : (
        <>
          <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
            {FIELDS.map((f) => (
              <Form.Item key={f} label={t(`field.${f}`)}>
                <InputNumber
                  min={0}
                  value={values[f] ?? null}
                  placeholder={t('none')}
                  disabled={valuesOf(inForce.policy.thresholds)[f] === null}
                  onChange={(v) => setValues((old) => ({ ...old, [f]: typeof v === 'number' ? v : null }))}
                  data-testid={`policy-field-${f}`}
                  style={{ width: 140 }}
                />
              </Form.Item>
            ))}
          </Form>
          <Space wrap style={{ marginBottom: 12 }}>
            <strong>{t('rules')}</strong>
            {SWITCHABLE_RULES.map((r) => (
              <Space key={r} size={4}>
                <Switch
                  size="small"
                  checked={!off.has(r)}
                  onChange={(on) => setOff((old) => (on ? new Set([...old].filter((x) => x !== r)) : new Set([...old, r])))}
                  data-testid={`policy-rule-${r}`}
                />
                <span>{ruleTitle(r, i18n.language)}</span>
              </Space>
            ))}
          </Space>
          <Space style={{ marginBottom: 16 }}>
            <Button type="primary" onClick={() => draft && setReport(whatIfPrepared(prepared, draft))} data-testid="policy-evaluate">
              {t('evaluate')}
            </Button>
            <Button onClick={reset} data-testid="policy-reset">
              {t('reset')}
            </Button>
            <Button danger disabled={!report} onClick={() => setPublishing(true)} data-testid="policy-publish">
              {t('publish')}
            </Button>
          </Space>
          {report && <WhatIfResults report={report} />}
          {draft && (
            <PublishModal
              session={session}
              open={publishing}
              item={item}
              draft={draft}
              onClose={(done) => {
                setPublishing(false);
                if (done) setVersion((v) => v + 1);
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
