// The occupant signs on the screen with a finger, a pen or the mouse; the strokes become a PNG.
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_NS } from './i18n';

export function SignaturePad({ onChange, disabled }: { onChange: (png: string | null) => void; disabled?: boolean }) {
  const { t } = useTranslation(INSPECTION_NS);
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  return (
    <Space direction="vertical">
      <canvas
        ref={ref}
        width={480}
        height={160}
        data-testid="signature-pad"
        style={{ border: '1px solid #d9d9d9', background: disabled ? '#f5f5f5' : '#fff', touchAction: 'none' }}
        onPointerDown={(e) => {
          if (disabled) return;
          drawing.current = true;
          const g = e.currentTarget.getContext('2d')!;
          g.lineWidth = 2;
          g.beginPath();
          g.moveTo(...point(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const g = e.currentTarget.getContext('2d')!;
          g.lineTo(...point(e));
          g.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <Button
        size="small"
        onClick={() => {
          const c = ref.current;
          c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
          onChange(null);
        }}
      >
        {t('clearSignature')}
      </Button>
    </Space>
  );
}
