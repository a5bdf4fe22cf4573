// Test harness: CameraCapture alone on a page, its last capture written into the page for the
// end-to-end test (tests/e2e/camera.e2e.ts) to read. Not part of the app's build.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import { CameraCapture, type FaceCapture } from './CameraCapture';
import { loadBrowserFaceDetector } from './face-detector';
import './i18n';

interface Summary {
  readonly descriptorLength: number;
  readonly descriptor: number[];
  readonly jpegType: string;
  readonly jpegBytes: number;
  readonly box: FaceCapture['box'];
  readonly backend: string;
}

function Harness() {
  const [summary, setSummary] = useState<Summary | null>(null);
  return (
    <div style={{ padding: 16 }}>
      <CameraCapture
        onCapture={(c) =>
          void loadBrowserFaceDetector().then((d) =>
            setSummary({ descriptorLength: c.descriptor.length, descriptor: c.descriptor, jpegType: c.jpeg.type, jpegBytes: c.jpeg.size, box: c.box, backend: d.backend }),
          )
        }
      />
      {summary && <pre data-testid="capture-result">{JSON.stringify(summary)}</pre>}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
