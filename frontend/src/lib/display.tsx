// Display preferences: the optional large-text mode (适老化), remembered per user in this browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

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
  // The choice made in this session, for the user it was made for; otherwise what is saved.
  const [chosen, setChosen] = useState<{ user: string | null; on: boolean } | null>(null);
  const largeText = chosen && chosen.user === user ? chosen.on : saved(user);
  const setLargeText = useCallback(
    (on: boolean) => {
      if (user) localStorage.setItem(key(user), on ? '1' : '0');
      setChosen({ user, on });
    },
    [user],
  );
  const value = useMemo(() => ({ largeText, setLargeText }), [largeText, setLargeText]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export function useDisplay(): DisplayValue {
  return useContext(DisplayContext);
}
