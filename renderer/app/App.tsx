import { App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveSession } from '../session/session';
import { LoginPage } from './LoginPage';
import { Workspace } from './Workspace';

export function App() {
  const [session, setSession] = useState<ActiveSession>();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  if (!session) return <LoginPage onSignedIn={setSession} />;
  return (
    <Workspace
      session={session}
      onSignOut={async () => {
        const { uploaded } = await session.close();
        setSession(undefined);
        // Online, a flush that gave up is told (offline, the workstation said so all along).
        if (uploaded === false) void message.warning({ content: t('app.notUploaded'), duration: 8 });
      }}
    />
  );
}
