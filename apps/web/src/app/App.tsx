import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context';
import { matchPath, navigate, useLocation } from './router';
import { WORKSPACE_ROUTES } from './routes';
import { Shell } from './Shell';
import { WorkspaceProvider, preferredWorkspace } from './workspace-context';
import { LoginPage, safeNext } from '../features/auth/LoginPage';
import { AcceptInvitePage } from '../features/auth/AcceptInvitePage';
import { AuthLayout } from '../features/auth/AuthLayout';
import { CreateWorkspaceModal } from '../features/workspaces/CreateWorkspaceModal';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { Loading } from '../ui/Spinner';

function Redirect({ to }: { to: string }) {
  useEffect(() => { navigate(to, { replace: true }); }, [to]);
  return <Loading />;
}

export function App() {
  const { status, me } = useAuth();
  const { pathname, search, href } = useLocation();

  const invite = matchPath('/invite/:token', pathname);
  if (invite) return <AcceptInvitePage token={invite.token} />;
  if (status === 'loading') return <Loading testId="app-loading" />;
  if (pathname === '/login') return status === 'signed-in' ? <Redirect to={safeNext(search.get('next'))} /> : <LoginPage />;
  if (status === 'signed-out' || !me) return <Redirect to={`/login?next=${encodeURIComponent(href)}`} />;

  if (pathname === '/' || pathname === '/w' || pathname === '/w/') {
    const w = preferredWorkspace(me.workspaces);
    return w ? <Redirect to={`/w/${w.id}`} /> : <NoWorkspace />;
  }

  const wsMatch = /^\/w\/([^/]+)/.exec(pathname);
  const workspace = wsMatch && me.workspaces.find((w) => w.id === decodeURIComponent(wsMatch[1]));
  if (!workspace) return <NotFound />;
  if (pathname.replace(/\/$/, '') === `/w/${workspace.id}/settings`) return <Redirect to={`/w/${workspace.id}/settings/members`} />;

  for (const route of WORKSPACE_ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    return (
      <WorkspaceProvider workspace={workspace}>
        <Shell>
          <Suspense fallback={<Loading />}>{route.render(params)}</Suspense>
        </Shell>
      </WorkspaceProvider>
    );
  }
  return (
    <WorkspaceProvider workspace={workspace}>
      <Shell><NotFoundBody /></Shell>
    </WorkspaceProvider>
  );
}

function NotFoundBody() {
  const { t } = useTranslation();
  return <EmptyState title={t('common.notFoundTitle')} text={t('common.notFoundText')} action={<Button onClick={() => navigate('/')}>{t('common.goHome')}</Button>} testId="not-found" />;
}

function NotFound() {
  const { t } = useTranslation();
  return <AuthLayout title={t('common.notFoundTitle')}><NotFoundBody /></AuthLayout>;
}

function NoWorkspace() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <AuthLayout title={t('workspaces.noneTitle')} subtitle={t('workspaces.noneText')}>
      <Button variant="primary" className="btn-block" onClick={() => setOpen(true)} testId="new-workspace">{t('workspaces.new')}</Button>
      <CreateWorkspaceModal open={open} onClose={() => setOpen(false)} />
    </AuthLayout>
  );
}
