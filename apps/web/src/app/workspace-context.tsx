/**
 * The workspace in the URL (/w/:wid/…) and my role in it. can() hides actions the role may not
 * take; the server checks every request anyway, so this is about a tidy UI, not security.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { roleAllows, type Permission, type Role } from '@touchpoint/shared';
import type { MyWorkspace } from '../lib/types';

const LAST_WORKSPACE_KEY = 'touchpoint.lastWorkspace';

interface WorkspaceValue {
  workspace: MyWorkspace;
  role: Role;
  can(permission: Permission): boolean;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function WorkspaceProvider({ workspace, children }: { workspace: MyWorkspace; children: ReactNode }) {
  useEffect(() => {
    try { localStorage.setItem(LAST_WORKSPACE_KEY, workspace.id); } catch { /* not critical */ }
  }, [workspace.id]);
  const value = useMemo<WorkspaceValue>(() => ({
    workspace,
    role: workspace.role,
    can: (p) => roleAllows(workspace.role, p),
  }), [workspace]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider');
  return ctx;
}

/** Where "/" goes: the workspace used last if I still belong to it, else the first one. */
export function preferredWorkspace(workspaces: MyWorkspace[]): MyWorkspace | undefined {
  let last: string | null = null;
  try { last = localStorage.getItem(LAST_WORKSPACE_KEY); } catch { /* ignore */ }
  return workspaces.find((w) => w.id === last) ?? workspaces[0];
}
