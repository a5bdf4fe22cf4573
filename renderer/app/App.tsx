import { useState } from 'react';
import type { ActiveSession } from '../session/session';
import { LoginPage } from './LoginPage';
import { Workspace } from './Workspace';

export function App() {
  const [session, setSession] = useState<ActiveSession>();
  if (!session) return <LoginPage onSignedIn={setSession} />;
  return (
    <Workspace
      session={session}
      onSignOut={async () => {
        await session.close();
        setSession(undefined);
      }}
    />
  );
}
