// What a draft would change: counts by street and the cases whose outcome changes (paged), each with
// the rules that change and their reasons under the draft. Street and applicant names are data.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseChange, WhatIfReport } from '../../domain/policy/what-if';
import { ruleTitle, type Outcome } from '../../domain/rules/result';
import { SHENZHEN_STREETS } from '../../domain/seed/places';
import { POLICY_NS } from './i18n';

const STREET_NAMES = new Map(SHENZHEN_STREETS.map((s) => [s.id, s.name]));
const COLOR: Readonly<Record<Outcome | 'off', string>> = { pass: 'green', needs_review: 'orange', fail: 'red', off: 'default' };

function Street({ id }: { id: string }) {
  const name = STREET_NAMES.get(id);
  return name ? <span lang="zh">{name}</span> : <span translate="no">{id}</span>;
}

export function WhatIfResults({ report }: { report: WhatIfReport }) {
  const { t, i18n } = useTranslation(POLICY_NS);
  const outcome = (o: Outcome | 'off') => (
    <Tag color={COLOR[o]} data-outcome={o}>
      {t(`outcome.${o}`)}
    </Tag>
  );
  const streets = Object.entries(report.byStreet)
    .map(([id, c]) => ({ id, ...c }))
    .sort((a, b) => b.changed - a.changed || (a.id < b.id ? -1 : 1));
  return (
    <>
      <Typography.Paragraph strong data-testid="policy-summary" data-changed={report.changed.length} data-evaluated={report.evaluated}>
        {report.changed.length === 0 ? t('noChange') : t('summary', { evaluated: report.evaluated, changed: report.changed.length })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('byStreet')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="policy-streets"
        dataSource={streets}
        columns={[
          { title: t('col.street'), dataIndex: 'id', render: (id: string) => <Street id={id} /> },
          { title: t('col.evaluated'), dataIndex: 'evaluated' },
          { title: t('col.changed'), dataIndex: 'changed', render: (n: number, r) => <span data-testid={`policy-street-changed-${r.id}`}>{n}</span> },
          { title: t('col.toFail'), render: (_, r) => r.to.fail },
          { title: t('col.toReview'), render: (_, r) => r.to.needs_review },
          { title: t('col.toPass'), render: (_, r) => r.to.pass },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('changedCases')}
      </Typography.Title>
      <Table<CaseChange>
        size="small"
        rowKey="caseId"
        data-testid="policy-cases"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        dataSource={[...report.changed]}
        columns={[
          { title: t('col.name'), dataIndex: 'applicantName', render: (n: string) => <span lang="zh" data-testid="policy-case-name">{n}</span> },
          { title: t('col.street'), dataIndex: 'streetId', render: (id: string) => <Street id={id} /> },
          { title: t('col.before'), dataIndex: 'before', render: outcome },
          { title: t('col.after'), dataIndex: 'after', render: outcome },
          {
            title: t('col.reasons'),
            render: (_, c) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {c.rules.map((r) => (
                  <li key={r.rule}>
                    {ruleTitle(r.rule, i18n.language)}: {outcome(r.before)} → {outcome(r.after)} {r.reason && (i18n.language.startsWith('en') && r.reasonEn ? <span>{r.reasonEn}</span> : <span lang="zh">{r.reason}</span>)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
