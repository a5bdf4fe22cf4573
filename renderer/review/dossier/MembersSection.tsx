// The household in the dossier: masked ID numbers; "显示完整证件号" opens one member's number after
// the unmasking is written to the audit log (revealMemberIdNumber), and shows it until the drawer closes.
import { App, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDoc } from '../../../domain/model';
import type { CaseContext } from '../../cases/case-store';
import { DOSSIER_NS } from './i18n';
import { revealMemberIdNumber, type MemberRow } from './members';

export function MembersSection({ ctx, caseDoc, members }: { ctx: CaseContext; caseDoc: CaseDoc; members: readonly MemberRow[] }) {
  const { t } = useTranslation(DOSSIER_NS);
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Readonly<Record<string, string>>>({});
  const reveal = async (personId: string) => {
    try {
      const full = await revealMemberIdNumber(ctx, caseDoc, personId);
      setRevealed((r) => ({ ...r, [personId]: full }));
      void message.info(t('member.revealed'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const yesNo = (v: boolean | null) => (v === null ? t('member.unknown') : v ? t('member.yes') : t('member.no'));

  return (
    <Table<MemberRow>
      size="small"
      rowKey="personId"
      pagination={false}
      data-testid="dossier-members"
      dataSource={[...members]}
      expandable={{
        rowExpandable: () => true,
        expandedRowRender: (m) =>
          m.card ? (
            <div data-testid="dossier-card">
              <div>{t('member.cardLine', { ...m.card })}</div>
              <Typography.Text type="secondary">{t('member.address', { address: m.card.address })}</Typography.Text>
            </div>
          ) : (
            <Typography.Text type="secondary">{t('member.noCard')}</Typography.Text>
          ),
      }}
      columns={[
        { title: t('member.name'), dataIndex: 'name' },
        { title: t('member.relation'), render: (_, m) => t(`relations.${m.relation}`) },
        {
          title: t('member.idNumber'),
          render: (_, m) => (
            <span>
              <span data-testid="dossier-member-id">{revealed[m.personId] ?? m.idMasked}</span>
              {!revealed[m.personId] && (
                <Button size="small" type="link" onClick={() => void reveal(m.personId)} data-testid="dossier-reveal-id">
                  {t('member.reveal')}
                </Button>
              )}
            </span>
          ),
        },
        { title: t('member.hukou'), render: (_, m) => t(`hukous.${m.hukou}`) },
        { title: t('member.age'), render: (_, m) => m.age ?? '—' },
        { title: t('member.income'), render: (_, m) => (m.annualIncome === null ? t('member.unknown') : m.annualIncome.toLocaleString('zh-CN')) },
        { title: t('member.housing'), render: (_, m) => yesNo(m.ownsHousingInShenzhen) },
      ]}
    />
  );
}
