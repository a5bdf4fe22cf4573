// Certificate scans: a page from the scanner folder, a file, or a photo from the camera, read by
// OCR on the workstation host, reviewed field by field beside the image, then kept with the intake (its bytes
// sealed once, apart from the draft, see scan-store.ts); a page taken from the scanner folder is
// then removed from it.
import { Alert, Button, Card, List, Segmented, Select, Space, Upload, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicantOf, type IntakeDraft } from '../../../domain/intake/draft';
import type { DocKind } from '../../../domain/ocr/fields';
import { getApi } from '../../api/client';
import { HostOcrReader } from '../../ocr/engine';
import { OcrReview } from '../../ocr/OcrReview';
import { DocumentCamera } from './DocumentCamera';
import { ScannerFolder } from './ScannerFolder';

/** Which material a recognised document is. */
const MATERIAL_OF: Record<Exclude<DocKind, 'generic'>, string> = {
  hukou: 'hukou_book',
  marriage: 'marriage_proof',
  income: 'income_proof',
  bank: 'income_proof',
  social: 'social_insurance',
  property: 'property_search',
};
const KINDS = Object.keys(MATERIAL_OF) as (keyof typeof MATERIAL_OF)[];
const SOURCES = ['folder', 'file', 'camera'] as const;
type Source = (typeof SOURCES)[number];

interface Props {
  draft: IntakeDraft;
  update: (change: (d: IntakeDraft) => IntakeDraft) => Promise<boolean>;
  /** Seals and stores a page once; answers the id the draft names it by. */
  keepPage: (bytes: Uint8Array) => Promise<string>;
}

export function ScansStep({ draft, update, keepPage }: Props) {
  const { t } = useTranslation();
  const engine = useMemo(() => new HostOcrReader(getApi()), []);
  const [kind, setKind] = useState<keyof typeof MATERIAL_OF>('hukou');
  const [source, setSource] = useState<Source>('folder');
  const [file, setFile] = useState<File>();
  /** The file's name in the scanner folder, when it came from there. */
  const [folderName, setFolderName] = useState<string>();
  const [toast, toastHolder] = message.useMessage();
  const applicant = applicantOf(draft);
  const choose = (f: File | undefined, fromFolder?: string) => {
    setFile(f);
    setFolderName(fromFolder);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {toastHolder}
      <Space>
        <Select value={kind} onChange={setKind} style={{ width: 180 }} data-testid="scan-kind" options={KINDS.map((k) => ({ value: k, label: t(`intake.scanKinds.${k}`) }))} />
        <Segmented<Source> value={source} onChange={setSource} data-testid="scan-source" options={SOURCES.map((s) => ({ value: s, label: t(`intake.scanSources.${s}`) }))} />
        {file && (
          <Button onClick={() => choose(undefined)} data-testid="scan-another">
            {t('intake.scanAnother')}
          </Button>
        )}
      </Space>
      {!file && source === 'folder' && <ScannerFolder onPick={choose} />}
      {!file && source === 'file' && (
        <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => (choose(f), false)}>
          <a data-testid="scan-upload">{t('intake.scanChoose')}</a>
        </Upload>
      )}
      {!file && source === 'camera' && <DocumentCamera onPick={choose} />}
      {file && (
        <OcrReview
          key={`${file.name}-${file.lastModified}`}
          file={file}
          kind={kind}
          engine={engine}
          cardIdNumber={applicant?.card?.idNumber ?? applicant?.idNumber}
          onConfirm={async (fields, turned) => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            const contentId = await keepPage(bytes);
            const saved = await update((d) => ({
              ...d,
              scans: [
                ...d.scans,
                {
                  key: crypto.randomUUID().slice(0, 8),
                  materialCode: MATERIAL_OF[kind],
                  fileName: file.name,
                  mimeType: file.type || 'application/octet-stream',
                  contentId,
                  byteLength: bytes.length,
                  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
                  text: '',
                  turned,
                },
              ],
            }));
            setFile(undefined);
            // Once the page is kept sealed with the intake, the clear copy leaves the scanner folder.
            if (folderName && saved) {
              await getApi()
                .invoke('scans/remove', { name: folderName })
                .catch((e: unknown) => toast.warning(t('intake.scanRemoveFailed', { reason: e instanceof Error ? e.message : String(e) })));
            }
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
