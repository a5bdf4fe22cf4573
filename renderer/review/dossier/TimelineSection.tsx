// The signed history in the dossier: each event with who recorded it (name and account), when, on
// which workstation, what it said, and whether its signature verified.
import { Tag, Timeline, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { REVIEW_NS } from '../i18n';
import { DOSSIER_NS } from './i18n';
import type { SignatureState, TimelineRow } from './timeline';

function SignatureTag({ s }: { s: SignatureState }) {
  const { t } = useTranslation(DOSSIER_NS);
  if (s.kind === 'verified') return <Tag color="green" data-testid="event-signature" data-state="verified">{t('timeline.verified')}</Tag>;
  if (s.kind === 'invalid')
    return (
      <Tooltip title={s.reason}>
        <Tag color="red" data-testid="event-signature" data-state="invalid">
          {t('timeline.invalid')}:{s.reason}
        </Tag>
      </Tooltip>
    );
  return <Tag data-testid="event-signature" data-state="unchecked">{t('timeline.unchecked')}</Tag>;
}

export function TimelineSection({ rows }: { rows: readonly TimelineRow[] }) {
  const { t } = useTranslation(DOSSIER_NS);
  const { t: tr } = useTranslation(REVIEW_NS);
  const { t: tc } = useTranslation();
  return (
    <Timeline
      data-testid="review-history"
      items={rows.map((r) => ({
        color: !r.applied || r.signature.kind === 'invalid' ? 'red' : 'blue',
        content: (
          <div data-testid="dossier-event" data-kind={r.kind}>
            <div>
              <b>{tr(`decisions.${r.kind}`, { defaultValue: tc(`statuses.${r.statusAfter}`) })}</b> → {tc(`statuses.${r.statusAfter}`)} {!r.applied && <Tag color="red">{t('timeline.notApplied')}</Tag>}
            </div>
            <div>
              {t('timeline.by', { actor: r.actorName, actorId: r.actorId })} · {new Date(r.at).toLocaleString()} · <span data-testid="event-device">{r.deviceId ? t('timeline.device', { device: r.deviceId }) : t('timeline.noDevice')}</span>{' '}
              <SignatureTag s={r.signature} />
            </div>
            {r.detail && <div style={{ color: '#555' }}>{r.detail}</div>}
            {r.note && <div style={{ color: '#888' }}>{r.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
