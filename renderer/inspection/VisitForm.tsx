// The visit at the door, offline: the ID card read and compared with the household, the face and
// fingerprint checked against the enrolment, the checklist, watermarked photos, and the occupant's
// signature or refusal. Saving writes the record, its signed event and any re-inspection locally.
import { Alert, App, Button, Checkbox, Descriptions, Divider, Image, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupHash } from '../../domain/crypto/sealing';
import { compareDescriptors, MATCH_THRESHOLD } from '../../domain/face/match';
import { CORRECTION_HOURS, compareOccupant, type Occupant } from '../../domain/inspection';
import { OCCUPANCY, type Occupancy } from '../../domain/model/field';
import { getApi } from '../api/client';
import { CameraCapture } from '../camera/CameraCapture';
import type { CaseContext } from '../cases/case-store';
import { watermarkedPhoto } from './capture';
import { useDeficiencyCatalogue } from './deficiencies';
import { INSPECTION_NS } from './i18n';
import { loadVisit, saveVisit, type SavedVisit, type VisitContext } from './inspection-store';
import { SignaturePad } from './SignaturePad';

const NOT_READ: Occupant = { result: 'not_read', personId: null, name: null };

function PhotoCamera({ onPhoto, lines }: { onPhoto: (dataUrl: string) => void; lines: readonly string[] }) {
  const { t } = useTranslation(INSPECTION_NS);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    void navigator.mediaDevices?.getUserMedia({ video: true }).then((s) => {
      stream = s;
      if (video.current) {
        video.current.srcObject = s;
        void video.current.play();
      }
    }, () => {});
    return () => stream?.getTracks().forEach((tr) => tr.stop());
  }, []);
  return (
    <Space align="start">
      <video ref={video} muted playsInline width={240} style={{ background: '#000' }} />
      <Button onClick={() => video.current && onPhoto(watermarkedPhoto(video.current, lines))} data-testid="take-photo">
        {t('takePhoto')}
      </Button>
    </Space>
  );
}

export function VisitForm({ ctx, taskId, onSaved }: { ctx: CaseContext; taskId: string; onSaved: (saved: SavedVisit) => void }) {
  const { t } = useTranslation(INSPECTION_NS);
  const { message } = App.useApp();
  const [v, setV] = useState<VisitContext | null>(null);
  const [occupant, setOccupant] = useState<Occupant>(NOT_READ);
  const [faceScore, setFaceScore] = useState<number | null>(null);
  const [fingerprint, setFingerprint] = useState<boolean | null>(null);
  const [occupancy, setOccupancy] = useState<Occupancy>('tenant_present');
  const [arrears, setArrears] = useState(0);
  const [conditions, setConditions] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [signature, setSignature] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [notHome, setNotHome] = useState(false);
  const [busy, setBusy] = useState<string>();
  const catalogue = useDeficiencyCatalogue(ctx.db);

  useEffect(() => {
    void loadVisit(ctx, taskId).then((loaded) => {
      setV(loaded);
      setArrears(loaded.lease.arrearsMonths);
    }, (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
  }, [ctx, taskId, message]);
  if (!v) return null;
  const subject = occupant.personId ?? v.household.applicantPersonId;
  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  const unitLine = `${v.unit?.projectName ?? v.task.projectName} ${v.unit?.building ?? ''} ${v.unit?.room ?? ''}`.trim();

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="visit-form">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('col.unit')}>{unitLine}</Descriptions.Item>
        <Descriptions.Item label={t('tenant', { name: '' })}>{v.applicantName ?? v.persons.find((p) => p.id === v.household.applicantPersonId)?.name}</Descriptions.Item>
      </Descriptions>
      <Checkbox checked={notHome} onChange={(e) => setNotHome(e.target.checked)} data-testid="not-home">
        {t('notHome')}
      </Checkbox>
      {!notHome && (
        <>
          <Divider titlePlacement="start">{t('identity')}</Divider>
          <Space wrap>
            <Button
              type="primary"
              loading={busy === 'card'}
              data-testid="visit-read-card"
              onClick={() =>
                run('card', async () => {
                  const card = await getApi().invoke('idcard/read', { waitForCardMs: 8_000 });
                  const found = compareOccupant(await lookupHash(ctx.keys.lookup, card.idNumber), v.household, v.persons);
                  setOccupant({ ...found, name: found.name ?? card.name });
                  if (found.result === 'other') setOccupancy('other_occupant');
                })
              }
            >
              {t('readCard')}
            </Button>
            {occupant.result !== 'not_read' && (
              <Tag color={occupant.result === 'other' ? 'red' : 'green'} data-testid="visit-identity">
                {t('cardRead', { name: occupant.name })} · {t(`who.${occupant.result}`)}
              </Tag>
            )}
            <Button
              loading={busy === 'fp'}
              data-testid="visit-fingerprint"
              onClick={() =>
                run('fp', async () => {
                  const template = v.fingerprints.get(subject);
                  if (!template) return void message.warning(t('noTemplate'));
                  setFingerprint((await getApi().invoke('fingerprint/verify', { template })).match);
                })
              }
            >
              {t('fingerprint')}
            </Button>
            {fingerprint !== null && <Tag color={fingerprint ? 'green' : 'red'} data-testid="visit-fingerprint-result">{t(fingerprint ? 'fingerprintOk' : 'fingerprintNo')}</Tag>}
          </Space>
          <CameraCapture
            width={320}
            height={240}
            onCapture={(c) => {
              const enrolled = v.faces.get(subject);
              if (!enrolled) return void message.warning(t('noFace'));
              setFaceScore(compareDescriptors(c.descriptor, enrolled).distance);
            }}
          />
          {faceScore !== null && (
            <Alert
              data-testid="visit-face-result"
              type={faceScore < MATCH_THRESHOLD ? 'success' : 'warning'}
              showIcon
              title={t(faceScore < MATCH_THRESHOLD ? 'faceOk' : 'faceNo', { d: faceScore.toFixed(2) })}
            />
          )}
          <Divider titlePlacement="start">{t('checklist')}</Divider>
          <Space direction="vertical">
            <span>{t('occupancy')}</span>
            <Radio.Group value={occupancy} onChange={(e) => setOccupancy(e.target.value as Occupancy)} data-testid="visit-occupancy">
              {OCCUPANCY.map((o) => (
                <Radio key={o} value={o} data-testid={`occ-${o}`}>
                  {t(`occ.${o}`)}
                </Radio>
              ))}
            </Radio.Group>
            <Space>
              {t('arrears')}
              <InputNumber min={0} max={600} value={arrears} onChange={(n) => setArrears(Number(n ?? 0))} data-testid="visit-arrears" />
            </Space>
            <Select
              mode="multiple"
              style={{ minWidth: 420 }}
              placeholder={t('conditions')}
              value={conditions}
              onChange={setConditions}
              data-testid="visit-conditions"
              options={catalogue.map((d) => {
                const hours = d.hours ?? CORRECTION_HOURS[d.severity];
                const within = hours <= 48 ? t('withinHours', { n: hours }) : t('withinDays', { n: Math.round(hours / 24) });
                return { value: d.code, label: `${d.label} · ${t(`severityName.${d.severity}`)}(${within})` };
              })}
            />
          </Space>
          <Divider titlePlacement="start">{t('photos')}</Divider>
          <PhotoCamera lines={[unitLine, ctx.user.displayName]} onPhoto={(p) => setPhotos((ps) => [...ps, p])} />
          <Space wrap data-testid="visit-photos">
            {photos.map((p, i) => (
              <Image key={i} width={120} src={p} />
            ))}
          </Space>
          <Divider titlePlacement="start">{t('signature')}</Divider>
          <SignaturePad onChange={setSignature} disabled={refused} />
          <Checkbox checked={refused} onChange={(e) => setRefused(e.target.checked)} data-testid="visit-refused">
            {t('refused')}
          </Checkbox>
        </>
      )}
      <Button
        type="primary"
        loading={busy === 'save'}
        data-testid="visit-save"
        onClick={() =>
          run('save', async () => {
            const saved = await saveVisit(
              ctx,
              {
                task: v.task, lease: v.lease, at: new Date().toISOString(), notHome, occupant: notHome ? NOT_READ : occupant, faceScore, fingerprintMatched: fingerprint,
                occupancy, arrearsMonths: arrears, conditions: conditions.map((code) => ({ code, note: '' })), photoIds: photos.map((_, i) => `photo-${i + 1}`), photos,
                signature: refused ? null : signature, signatureRefused: refused, note: '',
              },
              v.caseState,
              catalogue,
            );
            void message.success(t('saved', { offline: navigator.onLine ? '' : t('offlineNote') }));
            onSaved(saved);
          })
        }
      >
        {t('save')}
      </Button>
    </Space>
  );
}
