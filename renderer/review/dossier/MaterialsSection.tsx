// Materials in the dossier: what was received (original checked or copy), each scanned page beside
// the fields OCR read from it, and what is still missing. A page's image is fetched (and opened from
// its sealed form) only when the reviewer asks for it.
import { Button, Descriptions, Image, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UprightImage } from '../../ocr/UprightImage';
import { DOSSIER_NS } from './i18n';
import type { MaterialRow, Materials, ScanRow } from './materials';

export type LoadScan = (scan: ScanRow) => Promise<Uint8Array>;

function ScanView({ scan, load }: { scan: ScanRow; load?: LoadScan }) {
  const { t } = useTranslation(DOSSIER_NS);
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const fields = Object.entries(scan.fields);
  return (
    <Space align="start" data-testid="dossier-scan">
      <div style={{ width: 160 }}>
        {url && scan.turned !== 0 ? (
          <UprightImage url={url} turned={scan.turned} alt={t('materials.scanAlt')} />
        ) : url ? (
          <Image src={url} width={160} />
        ) : (
          <Button
            size="small"
            disabled={!load}
            onClick={() =>
              load?.(scan).then(
                (bytes) => setUrl(URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: scan.mimeType }))),
                (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
              )
            }
          >
            {t('materials.loadScan')}
          </Button>
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </div>
      {!scan.readable ? (
        <Typography.Text type="secondary">{t('materials.sealed')}</Typography.Text>
      ) : fields.length === 0 ? (
        <Typography.Text type="secondary">{t('materials.noOcr')}</Typography.Text>
      ) : (
        <Descriptions size="small" column={1} title={t('materials.ocr')} data-testid="dossier-ocr">
          {fields.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}

function Row({ m, load }: { m: MaterialRow; load?: LoadScan }) {
  const { t } = useTranslation(DOSSIER_NS);
  const tag = m.state === 'original_checked' ? <Tag color="green">{t('materials.original')}</Tag> : m.state === 'rejected' ? <Tag color="red">{t('materials.rejected')}</Tag> : m.state === 'submitted' ? <Tag>{t('materials.copy')}</Tag> : null;
  return (
    <List.Item data-testid="dossier-material" data-state={m.state}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>
          {m.label} {tag}
        </span>
        {m.state !== 'missing' && (m.scans.length === 0 ? <Typography.Text type="secondary">{t('materials.noScan')}</Typography.Text> : m.scans.map((s) => <ScanView key={s.id} scan={s} load={load} />))}
      </Space>
    </List.Item>
  );
}

export function MaterialsSection({ materials, load }: { materials: Materials; load?: LoadScan }) {
  const { t } = useTranslation(DOSSIER_NS);
  return (
    <div data-testid="dossier-materials">
      <Typography.Title level={5}>{t('materials.received', { count: materials.received.length })}</Typography.Title>
      <List size="small" dataSource={[...materials.received]} locale={{ emptyText: t('materials.none') }} renderItem={(m) => <Row m={m} load={load} />} />
      <Typography.Title level={5} type={materials.missing.length > 0 ? 'warning' : undefined}>
        {t('materials.missing', { count: materials.missing.length })}
      </Typography.Title>
      <List size="small" data-testid="dossier-missing" dataSource={[...materials.missing]} locale={{ emptyText: t('materials.none') }} renderItem={(m) => <Row m={m} />} />
    </div>
  );
}
