// Review of one scanned certificate: the image beside the extracted fields, each editable;
// low-confidence fields highlighted; ID numbers on paper checked against the card's number. A page
// that lay turned is shown turned back upright, with a word that it was.
import { Alert, Button, Col, Form, Input, Progress, Row, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocKind, FIELD_LABELS, FIELDS, type FieldValue, isIdField } from '../../domain/ocr/fields';
import { sameIdNumber } from '../../domain/ocr/idfix';
import type { PageReading } from '../../domain/ocr/pipeline';
import type { QuarterTurn } from '../../domain/ocr/image';
import type { HostOcrReader } from './engine';
import { OCR_NS } from './i18n';
import { UprightImage } from './UprightImage';

/** Fields below this confidence are highlighted for the clerk. */
export const LOW_CONFIDENCE = 0.75;

export interface OcrReviewProps {
  readonly file: Blob;
  readonly kind: DocKind;
  readonly engine: HostOcrReader;
  /** The number read from the applicant's ID card, if any. */
  readonly cardIdNumber?: string;
  /** The confirmed fields, and how far the page lay turned when it was read (kept so the dossier shows it upright). */
  readonly onConfirm: (fields: Record<string, FieldValue>, turned: QuarterTurn) => void;
}

export function OcrReview({ file, kind, engine, cardIdNumber, onConfirm }: OcrReviewProps) {
  const { t } = useTranslation(OCR_NS);
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const [progress, setProgress] = useState<{ fraction: number; stage: 'loading' | 'reading' }>({ fraction: 0, stage: 'loading' });
  const [reading, setReading] = useState<PageReading>();
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setReading(undefined);
    setError(undefined);
    void (async () => {
      try {
        const r = await engine.read(file, kind, (fraction, stage) => live && setProgress({ fraction, stage }));
        if (!live) return;
        setReading(r);
        setValues({ ...r.fields });
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [file, kind, engine]);

  const fieldNames = [...new Set([...FIELDS[kind], ...Object.keys(values)])];
  return (
    <Row gutter={16}>
      <Col span={12}>
        <UprightImage url={url} turned={reading?.turned ?? 0} alt={t('title')} />
      </Col>
      <Col span={12}>
        <Typography.Title level={5}>{t('title')}</Typography.Title>
        {error && <Alert type="error" showIcon message={t('failed', { message: error })} />}
        {!reading && !error && (
          <Progress percent={Math.round(progress.fraction * 100)} status="active" format={() => t(progress.stage)} />
        )}
        {reading?.turned ? <Alert type="info" showIcon data-testid="ocr-turned" style={{ marginBottom: 12 }} message={t('turned', { degrees: reading.turned })} /> : null}
        {reading && (
          <Form layout="vertical" onFinish={() => onConfirm(values, reading.turned ?? 0)}>
            {fieldNames.map((name) => {
              const confidence = reading.confidence[name] ?? 0;
              const low = values[name] !== undefined && values[name] === reading.fields[name] && confidence < LOW_CONFIDENCE;
              const value = String(values[name] ?? '');
              return (
                <Form.Item
                  key={name}
                  label={FIELD_LABELS[name] ?? name}
                  validateStatus={low ? 'warning' : undefined}
                  help={low ? reading.notes[name] ?? t('lowConfidence') : undefined}
                >
                  <Input
                    value={value}
                    data-field={name}
                    style={low ? { background: '#fffbe6' } : undefined}
                    onChange={(e) => setValues((v) => ({ ...v, [name]: typeof reading.fields[name] === 'number' ? Number(e.target.value) : e.target.value }))}
                    suffix={isIdField(name) && value ? <IdCheck paper={value} card={cardIdNumber} /> : undefined}
                  />
                </Form.Item>
              );
            })}
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {t('text')}: {reading.text}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit">
              {t('confirm')}
            </Button>
          </Form>
        )}
      </Col>
    </Row>
  );
}

function IdCheck({ paper, card }: { paper: string; card?: string }) {
  const { t } = useTranslation(OCR_NS);
  if (!card) return <Tag>{t('noCardId')}</Tag>;
  return sameIdNumber(paper, card) ? <Tag color="green">{t('idMatches')}</Tag> : <Tag color="red">{t('idDiffers')}</Tag>;
}
