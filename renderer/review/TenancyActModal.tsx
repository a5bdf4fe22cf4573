// 配租配售 (the district reviewer offers a vacant unit of the programme, or grants the subsidy) and
// 签约 (the clerk signs the contract for the offered unit, with the term the programme allows). Each
// event is signed with the user's key; the allocation, a district decision, after the password
// again, the contract at once like the counter's other acts. The choices come from tenancy-store;
// recordCaseEvent checks them again against what is stored before anything is written.
import { Alert, App, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractFor, type CaseState } from '../../domain/workflow';
import { getApi } from '../api/client';
import type { ActiveSession } from '../session/session';
import { REVIEW_NS } from './i18n';
import { recordCaseEvent } from './review-store';
import { signAndRecord } from './signoff';
import { allocationPayload, allocationView, contractView, type AllocationView, type ContractView } from './tenancy-store';

export type TenancyAct = 'allocate' | 'contract';

interface Values {
  readonly unitId?: string;
  readonly startDate?: Dayjs;
  readonly years?: number;
  readonly password?: string;
}

const money = (n: number) => n.toLocaleString('zh-CN');

export function TenancyActModal({ session, caseId, kind, onClose }: { session: ActiveSession; caseId: string; kind: TenancyAct | undefined; onClose: (state?: CaseState) => void }) {
  const { t } = useTranslation(REVIEW_NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [offer, setOffer] = useState<AllocationView>();
  const [terms, setTerms] = useState<ContractView>();

  useEffect(() => {
    setOffer(undefined);
    setTerms(undefined);
    if (!kind) return;
    let live = true;
    const read = kind === 'allocate' ? allocationView(session.db, caseId).then((v) => live && setOffer(v)) : contractView(session.db, caseId).then((v) => live && setTerms(v));
    read.catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [kind, caseId, session, message]);

  const submit = async (values: Values) => {
    if (!kind) return;
    setBusy(true);
    try {
      const signOff = { method: 'password', password: values.password ?? '' } as const;
      let state: CaseState;
      if (kind === 'allocate') {
        if (!offer?.subsidy && !values.unitId) throw new Error(t('tenancy.pickUnit'));
        const payload = await allocationPayload(session.db, caseId, values.unitId);
        state = await signAndRecord(getApi(), session.cases, caseId, 'allocate', payload, signOff);
      } else {
        if (!terms) return;
        const made = contractFor(terms.state, { startDate: (values.startDate ?? dayjs()).format('YYYY-MM-DD'), years: values.years ?? terms.term?.default ?? 3 }, crypto.randomUUID());
        if (!made.ok) throw new Error(made.reason);
        state = await recordCaseEvent(session.cases, caseId, 'contract', made.payload);
      }
      void message.success(t('done', { kind: t(`decisions.${kind}`) }));
      form.resetFields();
      onClose(state);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const years = terms?.term ? Array.from({ length: terms.term.max - terms.term.min + 1 }, (_, i) => terms.term!.min + i) : [];
  return (
    <Modal
      open={!!kind}
      title={kind ? t(`decisions.${kind}`) : ''}
      okText={t('sign')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'tenancy-sign' } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="tenancy-form">
        {kind === 'allocate' && offer && offer.subsidy !== null && (
          <Typography.Paragraph data-testid="tenancy-subsidy">{t('tenancy.subsidy', { amount: money(offer.subsidy) })}</Typography.Paragraph>
        )}
        {kind === 'allocate' && offer?.platform && (
          <Alert
            style={{ marginBottom: 12 }}
            type={offer.platform.problem ? 'warning' : 'info'}
            data-testid="tenancy-platform"
            title={offer.platform.round ? t('tenancy.platformRound', { round: offer.platform.round }) : t('tenancy.platform')}
            description={offer.platform.problem ?? undefined}
          />
        )}
        {kind === 'allocate' && offer && offer.subsidy === null && (
          offer.units.length === 0 ? (
            <Empty description={t('tenancy.noUnits')} data-testid="tenancy-no-units" />
          ) : (
            <Form.Item name="unitId" label={t('tenancy.unit')} rules={[{ required: true, message: t('tenancy.pickUnit') }]}>
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="tenancy-units">
                {offer.units.map((u) => (
                  <Radio key={u.unitId} value={u.unitId} data-testid="tenancy-unit">
                    {t(u.sale ? 'tenancy.unitSale' : 'tenancy.unitRent', { label: u.label, area: u.areaM2, rooms: u.bedrooms, amount: money(u.amount) })}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          )
        )}
        {kind === 'contract' && terms && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('tenancy.unit')}>
                <span data-testid="tenancy-offered">{terms.offered?.unitLabel ?? terms.offered?.unitId ?? '—'}</span>
              </Descriptions.Item>
              {terms.offered?.monthlyAmount !== undefined && <Descriptions.Item label={t('tenancy.monthly')}>{money(terms.offered.monthlyAmount)}</Descriptions.Item>}
              {terms.offered?.price !== undefined && <Descriptions.Item label={t('tenancy.price')}>{money(terms.offered.price)}</Descriptions.Item>}
            </Descriptions>
            <Form.Item name="startDate" label={t('tenancy.start')} initialValue={dayjs()}>
              <DatePicker data-testid="tenancy-start" />
            </Form.Item>
            <Form.Item name="years" label={t('tenancy.years')} initialValue={terms.term?.default}>
              <Select options={years.map((y) => ({ value: y, label: t('tenancy.yearsN', { count: y }) }))} data-testid="tenancy-years" style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        {kind === 'allocate' && (
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
            <Input.Password autoComplete="current-password" data-testid="tenancy-password" />
          </Form.Item>
        )}
        <Typography.Text type="secondary">{t('signedAs', { name: session.user.displayName })}</Typography.Text>
      </Form>
    </Modal>
  );
}
