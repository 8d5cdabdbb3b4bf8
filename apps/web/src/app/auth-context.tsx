/**
 * Who is signed in. Loads /api/auth/me once, keeps the CSRF token in the api client, and flips
 * to "signed-out" when any request answers 401 (expired session) so the router sends the person
 * to /login?next=… instead of showing broken pages.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../lib/api';
import type { Me } from '../lib/types';

type Status = 'loading' | 'signed-in' | 'signed-out';

interface AuthValue {
  status: Status;
  me: Me | null;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads /me, e.g. after creating or renaming a workspace. */
  refresh(): Promise<Me | null>;
  acceptInvitation(input: { token: string; name?: string; password?: string }): Promise<string>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const refresh = useCallback(async () => {
    try {
      const m = await api<Me>('/api/auth/me');
      setCsrfToken(m.csrfToken);
      setMe(m);
      setStatus('signed-in');
      return m;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        setMe(null);
        setStatus('signed-out');
        return null;
      }
      throw err;
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => { setCsrfToken(null); setMe(null); setStatus('signed-out'); });
    refresh().catch(() => setStatus('signed-out'));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(async (email: string, password: string) => {
    const r = await api<{ csrfToken: string }>('/api/auth/login', { method: 'POST', body: { email, password } });
    setCsrfToken(r.csrfToken);
    await refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try { await api('/api/auth/logout', { method: 'POST' }); } finally {
      setCsrfToken(null);
      setMe(null);
      setStatus('signed-out');
    }
  }, []);

  const acceptInvitation = useCallback(async (input: { token: string; name?: string; password?: string }) => {
    const r = await api<{ workspaceId: string; csrfToken: string }>('/api/auth/accept-invitation', { method: 'POST', body: input });
    setCsrfToken(r.csrfToken);
    await refresh();
    return r.workspaceId;
  }, [refresh]);

  const value = useMemo(() => ({ status, me, login, logout, refresh, acceptInvitation }), [status, me, login, logout, refresh, acceptInvitation]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
