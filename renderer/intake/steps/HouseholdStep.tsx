import { Button, Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { blankMember, type DraftMember, type IntakeDraft } from '../../../domain/intake/draft';
import type { MaritalStatus } from '../../../domain/model/people';
import { MemberEditor } from './MemberEditor';

const MARITALS = ['single', 'married', 'divorced', 'widowed'] as const;

interface Props {
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
}

const replace = (d: IntakeDraft, m: DraftMember): IntakeDraft => ({ ...d, members: d.members.map((x) => (x.key === m.key ? m : x)) });

export function HouseholdStep({ draft, update }: Props) {
  const { t } = useTranslation();
  const others = draft.members.filter((m) => m.relation !== 'applicant');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('intake.marital')}>
          <Select<MaritalStatus>
            style={{ width: 140 }}
            value={draft.maritalStatus ?? undefined}
            data-testid="intake-marital"
            onChange={(v) => update((d) => ({ ...d, maritalStatus: v }))}
            options={MARITALS.map((m) => ({ value: m, label: t(`intake.maritals.${m}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('intake.assets')}>
          <InputNumber min={0} style={{ width: 180 }} value={draft.householdAssets} onChange={(v) => update((d) => ({ ...d, householdAssets: v }))} data-testid="intake-assets" />
        </Form.Item>
      </Form>
      {others.map((m, i) => (
        <MemberEditor
          key={m.key}
          member={m}
          testId={`member-${i}`}
          onChange={(next) => update((d) => replace(d, next))}
          onRemove={() => update((d) => ({ ...d, members: d.members.filter((x) => x.key !== m.key) }))}
        />
      ))}
      <Button onClick={() => update((d) => ({ ...d, members: [...d.members, blankMember(crypto.randomUUID().slice(0, 8), 'spouse')] }))} data-testid="add-member">
        {t('intake.addMember')}
      </Button>
    </Space>
  );
}

export function ApplicantStep({ draft, update }: Props) {
  const applicant = draft.members.find((m) => m.relation === 'applicant') ?? blankMember('applicant', 'applicant');
  return (
    <MemberEditor
      member={applicant}
      testId="applicant"
      onChange={(next) =>
        update((d) => (d.members.some((m) => m.key === next.key) ? replace(d, next) : { ...d, members: [next, ...d.members] }))
      }
    />
  );
}
