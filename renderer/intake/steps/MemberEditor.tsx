import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCardAgainstNumber } from '../../../domain/identity/checks';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { memberFromCard, type DraftMember } from '../../../domain/intake/draft';
import { INCOME_KINDS } from '../../../domain/rules/application';
import { getApi } from '../../api/client';

const RELATIONS = ['applicant', 'spouse', 'child', 'parent', 'other'] as const;
const HUKOUS = ['shenzhen', 'guangdong_other', 'other', 'unknown'] as const;

interface Props {
  member: DraftMember;
  onChange: (m: DraftMember) => void;
  onRemove?: () => void;
  testId: string;
}

export function MemberEditor({ member, onChange, onRemove, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reading, setReading] = useState(false);
  const set = (patch: Partial<DraftMember>) => onChange({ ...member, ...patch });
  const id = member.idNumber ? checkIdNumber(member.idNumber) : undefined;
  const cardProblems = member.card ? checkCardAgainstNumber(member.card) : [];

  const readCard = async () => {
    setReading(true);
    try {
      const card = await getApi().invoke('idcard/read', { waitForCardMs: 8_000 });
      onChange(memberFromCard(member, card));
      void message.success(t('intake.cardRead', { name: card.name }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid={testId}
      title={t(`intake.relations.${member.relation}`)}
      extra={
        <>
          <Button type="primary" ghost loading={reading} onClick={readCard} data-testid={`${testId}-read-card`}>
            {reading ? t('intake.reading') : t('intake.readCard')}
          </Button>
          {onRemove && (
            <Button type="link" danger onClick={onRemove}>
              {t('intake.remove')}
            </Button>
          )}
        </>
      }
    >
      <Form layout="vertical">
        <Row gutter={12}>
          {member.relation !== 'applicant' && (
            <Col span={6}>
              <Form.Item label={t('intake.relation')}>
                <Select value={member.relation} onChange={(v) => set({ relation: v })} options={RELATIONS.filter((r) => r !== 'applicant').map((r) => ({ value: r, label: t(`intake.relations.${r}`) }))} />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item label={t('intake.name')}>
              <Input value={member.name} onChange={(e) => set({ name: e.target.value, card: null })} data-testid={`${testId}-name`} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('intake.idNumber')}
              validateStatus={id && !id.valid ? 'error' : undefined}
              help={id && !id.valid ? <span data-testid={`${testId}-id-error`}>{id.message}</span> : undefined}
            >
              <Input value={member.idNumber} maxLength={18} onChange={(e) => set({ idNumber: e.target.value.trim().toUpperCase(), card: null })} data-testid={`${testId}-id`} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('intake.hukou')}>
              <Select value={member.hukou} onChange={(v) => set({ hukou: v })} options={HUKOUS.map((h) => ({ value: h, label: t(`intake.hukous.${h}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label={t('intake.incomeKind')}>
              <Select value={member.incomeKind} onChange={(v) => set({ incomeKind: v })} options={INCOME_KINDS.map((k) => ({ value: k, label: t(`intake.incomeKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('intake.annualIncome')}>
              <InputNumber min={0} style={{ width: '100%' }} value={member.annualIncome} onChange={(v) => set({ annualIncome: v })} data-testid={`${testId}-income`} />
            </Form.Item>
          </Col>
          {member.relation === 'applicant' && (
            <Col span={6}>
              <Form.Item label={t('intake.socialYears')}>
                <InputNumber min={0} max={60} style={{ width: '100%' }} value={member.socialInsuranceYears} onChange={(v) => set({ socialInsuranceYears: v })} data-testid={`${testId}-social`} />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item label={t('intake.ownsHousing')}>
              <Select
                value={member.ownsHousingInShenzhen === null ? 'unknown' : member.ownsHousingInShenzhen ? 'yes' : 'no'}
                onChange={(v) => set({ ownsHousingInShenzhen: v === 'unknown' ? null : v === 'yes' })}
                data-testid={`${testId}-owns`}
                options={['no', 'yes', 'unknown'].map((v) => ({ value: v, label: t(`intake.${v}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {member.card && (
          <Alert
            type={cardProblems.length ? 'error' : 'success'}
            showIcon
            data-testid={`${testId}-card`}
            title={cardProblems.length ? cardProblems.map((p) => p.message).join(';') : `${t('intake.cardOk')}:${member.card.address} · ${member.card.validFrom} — ${member.card.validTo}`}
          />
        )}
      </Form>
    </Card>
  );
}
