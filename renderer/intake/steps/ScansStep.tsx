// Certificate scans: a file from the scanner folder (or a photo), read by OCR in the browser,
// reviewed field by field beside the image, then kept with the intake (sealed with the draft).
import { Alert, Card, List, Select, Space, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toBase64 as bytesToBase64 } from '../../../domain/crypto/sealing';
import { applicantOf, type IntakeDraft } from '../../../domain/intake/draft';
import type { DocKind } from '../../../domain/ocr/fields';
import { BrowserOcrEngine } from '../../ocr/engine';
import { OcrReview } from '../../ocr/OcrReview';

/** Which material a recognised document is. */
const MATERIAL_OF: Record<Exclude<DocKind, 'generic'>, string> = { hukou: 'hukou_book', marriage: 'marriage_proof', income: 'income_proof' };
const KINDS = Object.keys(MATERIAL_OF) as (keyof typeof MATERIAL_OF)[];

interface Props {
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => void;
}

const toBase64 = async (blob: Blob) => bytesToBase64(new Uint8Array(await blob.arrayBuffer()));

export function ScansStep({ draft, update }: Props) {
  const { t } = useTranslation();
  const engine = useMemo(() => new BrowserOcrEngine(), []);
  const [kind, setKind] = useState<keyof typeof MATERIAL_OF>('hukou');
  const [file, setFile] = useState<File>();
  const applicant = applicantOf(draft);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select value={kind} onChange={setKind} style={{ width: 180 }} data-testid="scan-kind" options={KINDS.map((k) => ({ value: k, label: t(`intake.scanKinds.${k}`) }))} />
        <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => (setFile(f), false)}>
          <a data-testid="scan-upload">{t('intake.scanChoose')}</a>
        </Upload>
      </Space>
      {file && (
        <OcrReview
          key={`${file.name}-${file.lastModified}`}
          file={file}
          kind={kind}
          engine={engine}
          cardIdNumber={applicant?.card?.idNumber ?? applicant?.idNumber}
          onConfirm={async (fields) => {
            const dataBase64 = await toBase64(file);
            update((d) => ({
              ...d,
              scans: [
                ...d.scans,
                {
                  key: crypto.randomUUID().slice(0, 8),
                  materialCode: MATERIAL_OF[kind],
                  fileName: file.name,
                  mimeType: file.type || 'application/octet-stream',
                  dataBase64,
                  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
                  text: '',
                },
              ],
            }));
            setFile(undefined);
          }}
        />
      )}
      <Card size="small" title={t('intake.scanned')}>
        {draft.scans.length === 0 && <Alert type="info" title={t('intake.noScans')} />}
        <List
          dataSource={[...draft.scans]}
          renderItem={(s) => (
            <List.Item data-testid="scan-item">
              {t(`intake.scanKinds.${KINDS.find((k) => MATERIAL_OF[k] === s.materialCode) ?? 'hukou'}`)} · {s.fileName} · {Object.values(s.fields).slice(0, 3).join(' / ')}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
