import { Alert, Button, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CasesPage } from '../cases/CasesPage';
import type { ActiveSession } from '../session/session';
import { SyncBadge } from '../sync/SyncBadge';
import { LanguageSwitch } from './LanguageSwitch';

export function Workspace({ session, onSignOut }: { session: ActiveSession; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { user } = session;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7f1d1d' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('app.title')}
        </Typography.Text>
        <Typography.Text style={{ color: '#fde68a' }} data-testid="office-name">
          {user.officeName}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <SyncBadge sync={session.sync} />
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="user-name">
            {user.displayName}
          </Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={onSignOut} data-testid="logout">
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {user.offline && <Alert type="warning" banner title={t('login.offline')} data-testid="offline-banner" />}
      <Layout.Content style={{ padding: 24 }}>
        <CasesPage session={session} />
      </Layout.Content>
    </Layout>
  );
}
