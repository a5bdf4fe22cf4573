import { Alert, Button, Image, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toBase64 as bytesToBase64 } from '../../../domain/crypto/sealing';
import { compareDescriptors } from '../../../domain/face/match';
import { applicantOf, type IntakeDraft } from '../../../domain/intake/draft';
import { requiredCaptures } from '../../../domain/intake/submission';
import { INTAKE_NS } from '../i18n';
import { CameraCapture } from '../../camera/CameraCapture';
import type { ActiveSession } from '../../session/session';
import { earlierFaces, type EarlierFace } from '../earlier-faces';

interface Props {
  session: ActiveSession;
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
}

const blobToBase64 = async (blob: Blob) => bytesToBase64(new Uint8Array(await blob.arrayBuffer()));

export function FaceStep({ session, draft, update }: Props) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation(INTAKE_NS);
  const [earlier, setEarlier] = useState<EarlierFace[]>([]);
  // The item says whether a face photo is taken (the camera and its model load only when it is).
  const [anyway, setAnyway] = useState(false);
  const wanted = requiredCaptures(draft)?.face !== false || anyway || !!draft.face;
  const idNumber = applicantOf(draft)?.idNumber;

  useEffect(() => {
    if (idNumber) void earlierFaces(session.cases, idNumber).then(setEarlier);
  }, [session, idNumber]);

  const comparisons = draft.face ? earlier.map((e) => ({ ...e, ...compareDescriptors(draft.face!.descriptor, e.descriptor) })) : [];
  // The comparison is recorded with the intake (identity evidence on the submit event), not only shown.
  const record = JSON.stringify(comparisons.map(({ caseId, capturedAt, distance, match }) => ({ caseId, capturedAt, distance, match })));
  useEffect(() => {
    if (!draft.face || JSON.stringify(draft.faceMatch?.comparedWith ?? null) === record) return;
    update((d) => ({ ...d, faceMatch: { comparedWith: JSON.parse(record) as NonNullable<IntakeDraft['faceMatch']>['comparedWith'] } }));
  }, [draft.face, draft.faceMatch, record, update]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!wanted && (
        <Alert
          type="info"
          showIcon
          data-testid="face-not-required"
          title={ti('faceNotRequired')}
          action={
            <Button size="small" onClick={() => setAnyway(true)} data-testid="face-anyway">
              {ti('faceAnyway')}
            </Button>
          }
        />
      )}
      {wanted && <CameraCapture
        onCapture={async (capture) => {
          const jpegBase64 = await blobToBase64(capture.jpeg);
          update((d) => ({ ...d, face: { descriptor: capture.descriptor, jpegBase64 } }));
        }}
      />}
      {draft.face && (
        <Space align="start" data-testid="face-captured">
          {draft.face.jpegBase64 && <Image width={160} src={`data:image/jpeg;base64,${draft.face.jpegBase64}`} />}
          <Alert type="success" showIcon title={t('intake.faceCaptured')} />
        </Space>
      )}
      {comparisons.map((c) => (
        <Alert
          key={c.caseId}
          type={c.match ? 'success' : 'warning'}
          showIcon
          data-testid="face-comparison"
          title={t(c.match ? 'intake.faceSame' : 'intake.faceDifferent', { date: c.capturedAt.slice(0, 10), distance: c.distance.toFixed(2) })}
        />
      ))}
    </Space>
  );
}
