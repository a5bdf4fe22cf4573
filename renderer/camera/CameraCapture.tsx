// CameraCapture: choose a camera, see the live picture, take a still, and hand back the JPEG with
// the applicant's face descriptor — or tell the clerk in Chinese why the picture cannot be used.
import { Alert, Button, Select, Space, Spin, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FaceBox, type FaceErrorCode, selectSingleFace } from '../../domain/face';
import { type BrowserFaceDetector, DEFAULT_FACE_ASSETS, loadBrowserFaceDetector } from './face-detector';
import { CAMERA_NS } from './i18n';

export interface FaceCapture {
  /** The still as taken, JPEG. */
  readonly jpeg: Blob;
  /** 128 numbers (domain/face DESCRIPTOR_LENGTH). */
  readonly descriptor: number[];
  /** Where the face is in the still, in pixels. */
  readonly box: FaceBox;
  readonly score: number;
}

export interface CameraCaptureProps {
  onCapture(capture: FaceCapture): void;
  /** Where the app serves face/models and face/wasm (default ./face/). */
  readonly assets?: string;
  /** Requested preview size; the camera may deliver another. */
  readonly width?: number;
  readonly height?: number;
}

type Problem = { kind: 'face'; code: FaceErrorCode } | { kind: 'text'; key: 'noCamera' | 'cameraDenied' | 'modelFailed' };

const JPEG_QUALITY = 0.92;

function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

export function CameraCapture({ onCapture, assets = DEFAULT_FACE_ASSETS, width = 640, height = 480 }: CameraCaptureProps) {
  const { t } = useTranslation(CAMERA_NS);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [detector, setDetector] = useState<BrowserFaceDetector | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  /** The camera the clerk chose (undefined: the system default); changing it reopens the stream. */
  const [requested, setRequested] = useState<string | undefined>(undefined);
  /** The camera actually open, shown in the picker. */
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [streaming, setStreaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [still, setStill] = useState<string | null>(null);

  // Models load once, alongside the camera.
  useEffect(() => {
    let live = true;
    loadBrowserFaceDetector(assets).then(
      (d) => live && setDetector(d),
      (e: unknown) => {
        console.error('face models failed to load', e);
        if (live) setProblem({ kind: 'text', key: 'modelFailed' });
      },
    );
    return () => {
      live = false;
    };
  }, [assets]);

  // (Re)open the chosen camera; list the cameras once permission is granted (labels need it).
  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    setStreaming(false);
    const video = requested ? { deviceId: { exact: requested }, width, height } : { width, height };
    navigator.mediaDevices
      .getUserMedia({ video, audio: false })
      .then(async (s) => {
        if (!live) return stopStream(s);
        stream = s;
        const el = videoRef.current;
        if (el) {
          el.srcObject = s;
          await el.play().catch(() => undefined);
        }
        const all = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        if (!live) return;
        setDevices(all);
        setOpenId(s.getVideoTracks()[0]?.getSettings().deviceId ?? requested ?? all[0]?.deviceId);
        setStreaming(true);
      })
      .catch((e: unknown) => {
        if (!live) return;
        const name = (e as DOMException).name;
        setProblem({ kind: 'text', key: name === 'NotFoundError' || name === 'OverconstrainedError' ? 'noCamera' : 'cameraDenied' });
      });
    return () => {
      live = false;
      stopStream(stream);
    };
  }, [requested, width, height]);

  /** Finds the one face in a picture drawn on `canvas` and hands the still over. */
  const take = useCallback(
    async (canvas: HTMLCanvasElement) => {
      if (!detector) return;
      setBusy(true);
      setProblem(null);
      try {
        const faces = await detector.detectAll(canvas);
        const chosen = selectSingleFace(faces);
        if (!chosen.ok) {
          setProblem({ kind: 'face', code: chosen.error.code as FaceErrorCode });
          return;
        }
        const jpeg = await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', JPEG_QUALITY),
        );
        setStill(URL.createObjectURL(jpeg));
        const face = chosen.value;
        onCapture({ jpeg, descriptor: [...face.descriptor], box: face.box, score: face.score });
      } catch (e) {
        console.error('face capture failed', e);
        setProblem({ kind: 'face', code: 'ENGINE_FAILED' });
      } finally {
        setBusy(false);
      }
    },
    [detector, onCapture],
  );

  const capture = useCallback(async () => {
    const video = videoRef.current;
    if (!video || !detector || !video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    await take(canvas);
  }, [detector, take]);

  /** Without a camera: a photo of the applicant from a file (taken elsewhere, or scanned). */
  const fromFile = useCallback(
    async (file: File) => {
      try {
        const bitmap = await createImageBitmap(file);
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        await take(canvas);
      } catch {
        setProblem({ kind: 'face', code: 'BAD_IMAGE' });
      }
    },
    [take],
  );

  const retake = useCallback(() => {
    if (still) URL.revokeObjectURL(still);
    setStill(null);
    setProblem(null);
  }, [still]);

  const message = problem === null ? null : problem.kind === 'face' ? t(`errors.${problem.code}`) : t(problem.key);
  const loading = !detector && problem?.kind !== 'text';
  /** No picture will come (no camera, or it is refused): nothing to wait for. */
  const noPicture = problem?.kind === 'text' && problem.key !== 'modelFailed';

  return (
    <Space orientation="vertical" style={{ width }} data-testid="camera-capture">
      {devices.length > 0 && (
        <Select
          data-testid="camera-device"
          style={{ width: '100%' }}
          aria-label={t('device')}
          value={openId}
          onChange={(id: string) => setRequested(id)}
          options={devices.map((d, i) => ({ value: d.deviceId, label: d.label || `${t('device')} ${i + 1}` }))}
        />
      )}
      <Spin spinning={!noPicture && (loading || !streaming || busy)} description={loading ? t('loading') : busy ? t('checking') : t('starting')}>
        <div style={{ position: 'relative', width, height, background: '#000' }}>
          <video ref={videoRef} data-testid="camera-video" muted playsInline style={{ width: '100%', height: '100%', objectFit: 'contain' }} />
          {still && (
            <img data-testid="camera-still" src={still} alt={t('captured')} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'contain' }} />
          )}
        </div>
      </Spin>
      {message && <Alert type="error" showIcon title={message} description={noPicture ? t('wayOn') : undefined} data-testid="camera-error" />}
      {noPicture && !still && (
        <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => (void fromFile(f), false)} disabled={!detector || busy}>
          <Button data-testid="camera-from-file" disabled={!detector || busy} loading={busy}>
            {t('fromFile')}
          </Button>
        </Upload>
      )}
      {still ? (
        <Space>
          <Alert type="success" showIcon title={t('captured')} data-testid="camera-captured" />
          <Button onClick={retake} data-testid="camera-retake">
            {t('retake')}
          </Button>
        </Space>
      ) : (
        <Button type="primary" onClick={() => void capture()} disabled={!detector || !streaming || busy} loading={busy} data-testid="camera-capture-button">
          {t('capture')}
        </Button>
      )}
    </Space>
  );
}
