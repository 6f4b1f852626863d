// Display preferences: the optional large-text mode (适老化), remembered per user in this browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

interface DisplayValue {
  largeText: boolean;
  setLargeText: (on: boolean) => void;
}

const DisplayContext = createContext<DisplayValue>({ largeText: false, setLargeText: () => undefined });

const key = (user: string) => `xg.largeText.${user}`;

function saved(user: string | null): boolean {
  if (!user || typeof localStorage === 'undefined') return false;
  return localStorage.getItem(key(user)) === '1';
}

/** `user` is the signed-in username (null before sign-in: normal text). */
export function DisplayProvider({ user, children }: { user: string | null; children: ReactNode }) {
  const [largeText, setState] = useState(() => saved(user));
  useEffect(() => setState(saved(user)), [user]);
  const setLargeText = useCallback(
    (on: boolean) => {
      if (user) localStorage.setItem(key(user), on ? '1' : '0');
      setState(on);
    },
    [user],
  );
  const value = useMemo(() => ({ largeText, setLargeText }), [largeText, setLargeText]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export function useDisplay(): DisplayValue {
  return useContext(DisplayContext);
}
