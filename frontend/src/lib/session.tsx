// The signed-in user. The access token lives in memory only; a reload restores the session
// through the refresh cookie (POST /api/v1/auth/refresh), which scripts cannot read.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, onSessionExpired, refreshAccessToken, setAccessToken, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Me = Schemas['MeResponse'];
export type Role = Schemas['Role'];

export type SessionState = { status: 'loading' } | { status: 'anonymous'; expired: boolean } | { status: 'authenticated'; me: Me };

interface SessionContextValue {
  state: SessionState;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  useEffect(() => {
    onSessionExpired(() => {
      setAccessToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', expired: true });
    });
    let cancelled = false;
    void (async () => {
      const token = await refreshAccessToken();
      const me = token ? await unwrap(api.GET('/api/v1/me')).catch(() => null) : null;
      if (!cancelled) setState(me ? { status: 'authenticated', me } : { status: 'anonymous', expired: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [queryClient]);

  const login = useCallback(async (username: string, password: string) => {
    const tokens = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
    setAccessToken(tokens.access_token);
    const me = await unwrap(api.GET('/api/v1/me'));
    setState({ status: 'authenticated', me });
    return me;
  }, []);

  const logout = useCallback(async () => {
    await api.POST('/api/v1/auth/logout', {}).catch(() => undefined);
    setAccessToken(null);
    queryClient.clear();
    setState({ status: 'anonymous', expired: false });
  }, [queryClient]);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a session');
  return state.me;
}
