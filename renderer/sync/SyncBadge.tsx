import { Badge, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../app/use-observable';
import type { Sync, SyncState, SyncStatus } from './sync';
import { formatTime } from '../i18n/format';

const COLORS: Record<SyncState, string> = {
  connecting: 'default',
  offline: 'warning',
  syncing: 'processing',
  idle: 'success',
  error: 'error',
};

export function SyncBadge({ sync }: { sync: Sync }) {
  const { t } = useTranslation();
  const status = useObservable<SyncStatus>(sync.status$, sync.status$.value);
  const last = status.lastSuccessAt ? t('sync.lastSuccess', { time: formatTime(status.lastSuccessAt) }) : t('sync.never');
  const detail = [status.error, status.problems.length ? t('sync.problems', { count: status.problems.length }) : null].filter(Boolean).join(';');
  return (
    <Tooltip title={detail || last}>
      <span data-testid="sync-status" data-state={status.state} style={{ cursor: 'pointer' }} onClick={() => sync.syncNow()}>
        <Badge status={COLORS[status.state] as 'default'} />
        <Typography.Text style={{ color: '#fff', marginLeft: 6 }}>
          {t(`sync.${status.state}`)} · {last}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
