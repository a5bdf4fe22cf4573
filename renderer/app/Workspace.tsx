import { Alert, Button, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CasesPage } from '../cases/CasesPage';
import { DevicesPage } from '../devices/DevicesPage';
import { IntakePage } from '../intake/IntakePage';
import type { ActiveSession } from '../session/session';
import { SyncBadge } from '../sync/SyncBadge';
import { SyncHealthPage } from '../sync/SyncHealthPage';
import { workspaceOf, type WorkspacePage } from '../../domain/workflow';
import { ReviewPage } from '../review/ReviewPage';
import { InspectorTasksPage } from '../inspection/InspectorTasksPage';
import { SupervisorPage } from '../inspection/SupervisorPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { PublicityPage } from '../publicity/PublicityPage';
import { ReferencePage } from '../reference/ReferencePage';
import { WhatIfPage } from '../policy/WhatIfPage';
import { LanguageSwitch } from './LanguageSwitch';

type Page = WorkspacePage;

/** The side menu's width: the longest English entry ("Returned for corrections") on one line. */
const NAV_WIDTH = 216;

export function Workspace({ session, onSignOut }: { session: ActiveSession; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { user } = session;
  // Each role lands on its own work (domain/workflow/workspaces.ts).
  const { home, pages } = workspaceOf(user.roles);
  const [page, setPage] = useState<Page>(home);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7f1d1d' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('app.title')}
        </Typography.Text>
        <Typography.Text style={{ color: '#fde68a' }} data-testid="office-name">
          {user.officeName}
        </Typography.Text>
        <span style={{ flex: 1 }} />
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
      <Layout>
        {/* A side menu: every page stays in sight in both languages (a horizontal one folded English entries away). */}
        <Layout.Sider width={NAV_WIDTH} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            onClick={(e) => setPage(e.key as Page)}
            style={{ borderInlineEnd: 'none' }}
            items={pages.map((p) => ({ key: p, label: <span data-testid={`nav-${p}`}>{t(`nav.${p}`)}</span> }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {page === 'review' && <ReviewPage session={session} mode="review" />}
          {page === 'returned' && <ReviewPage session={session} mode="returned" />}
          {page === 'contracts' && <ReviewPage session={session} mode="contracts" />}
          {page === 'tasks' && <InspectorTasksPage session={session} />}
          {page === 'inspection' && <SupervisorPage session={session} />}
          {page === 'publicity' && <PublicityPage session={session} />}
          {page === 'dashboard' && <DashboardPage session={session} />}
          {page === 'cases' && <CasesPage session={session} />}
          {page === 'intake' && <IntakePage session={session} />}
          {page === 'devices' && <DevicesPage />}
          {page === 'reference' && <ReferencePage session={session} />}
          {page === 'policy' && <WhatIfPage session={session} />}
          {page === 'sync' && (
            <SyncHealthPage sync={session.sync} couchUrl={session.couchUrl} fetch={session.remoteFetch} officeId={user.officeId} audit={session.cases} batches={user.roles.includes('it') ? session.batchSource : undefined} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
