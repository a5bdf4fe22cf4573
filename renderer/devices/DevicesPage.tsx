// IT's device panel: status of each device, its port, the last error, a test button, training mode.
import { App, Button, Card, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevicePanelStatus, ListedPort } from '../../domain/ipc/devices';
import { getApi } from '../api/client';
import { formatTime } from '../i18n/format';

const STATE_COLORS: Record<DevicePanelStatus['state'], string> = { not_configured: 'default', connecting: 'blue', ready: 'green', unplugged: 'orange', stopped: 'default' };

export function DevicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<readonly DevicePanelStatus[]>([]);
  const [ports, setPorts] = useState<ListedPort[]>([]);

  useEffect(() => {
    const api = getApi();
    void api.invoke('devices/status', undefined).then(setStatus);
    void api.invoke('devices/list', undefined).then(setPorts).catch(() => setPorts([]));
    return api.on('devices/status', setStatus);
  }, []);

  const run = async <T,>(job: () => Promise<T>, after?: (v: T) => void) => {
    try {
      const v = await job();
      after?.(v);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const training = status.some((s) => s.simulated);

  return (
    <Card
      title={t('devices.title')}
      extra={
        <Space>
          {t('devices.training')}
          <Switch checked={training} data-testid="training-switch" onChange={(enabled) => run(() => getApi().invoke('devices/training', { enabled }), setStatus)} />
        </Space>
      }
    >
      <Table<DevicePanelStatus>
        rowKey="kind"
        pagination={false}
        dataSource={[...status]}
        data-testid="device-table"
        columns={[
          { title: t('devices.kind'), dataIndex: 'kind', render: (k: string) => t(`devices.kinds.${k}`) },
          {
            title: t('devices.port'),
            render: (_, s) => (
              <Select
                style={{ width: 260 }}
                value={s.port ?? undefined}
                disabled={s.simulated}
                placeholder={t('devices.none')}
                onChange={(port: string) => run(() => getApi().invoke('devices/configure', { kind: s.kind, port }), setStatus)}
                options={ports.map((p) => ({ value: p.path, label: `${p.path} · ${p.looksLike}` }))}
              />
            ),
          },
          { title: t('devices.baud'), dataIndex: 'baudRate' },
          {
            title: t('devices.state'),
            render: (_, s) => (
              <span data-testid={`device-state-${s.kind}`} data-state={s.state}>
                <Tag color={STATE_COLORS[s.state]}>{t(`devices.states.${s.state}`)}</Tag> {s.message}
              </span>
            ),
          },
          { title: t('devices.lastError'), render: (_, s) => (s.lastError ? `${formatTime(s.lastError.at)} ${s.lastError.message}` : '—') },
          {
            title: '',
            render: (_, s) => (
              <Button
                size="small"
                data-testid={`device-test-${s.kind}`}
                onClick={() => run(() => getApi().invoke('devices/test', { kind: s.kind }), (r) => void (r.ok ? message.success(r.message) : message.error(r.message)))}
              >
                {t('devices.test')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
