// A certificate photographed with the counter camera when no scanner is at hand: the largest
// picture the camera gives, kept as a JPEG file for OCR like a scan.
import { Alert, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const JPEG_QUALITY = 0.92;

interface Props {
  onPick(file: File): void;
}

export function DocumentCamera({ onPick }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        setReady(true);
      })
      .catch((e: unknown) => setError(t(e instanceof DOMException && e.name === 'NotAllowedError' ? 'intake.cameraDenied' : 'intake.cameraMissing')));
    if (!navigator.mediaDevices) setError(t('intake.cameraMissing'));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [t]);

  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob((blob) => {
      if (blob) onPick(new File([blob], `拍照-${new Date().toISOString().replace(/[:.]/g, '-')}.jpg`, { type: 'image/jpeg' }));
      else setError(t('intake.cameraMissing'));
    }, 'image/jpeg', JPEG_QUALITY);
  };

  return (
    <Space direction="vertical" data-testid="document-camera">
      {error && <Alert type="error" showIcon title={error} />}
      <video ref={video} muted playsInline style={{ width: 480, background: '#000', display: error ? 'none' : undefined }} />
      <Button type="primary" disabled={!ready} onClick={take} data-testid="document-photo">
        {t('intake.scanTakePhoto')}
      </Button>
    </Space>
  );
}
