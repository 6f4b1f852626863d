// Providers: server state (TanStack Query), the session, Ant Design in the user's language with
// the app's theme (phone or desk, normal or large text), the features' contributions.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Grid } from 'antd';
import type { Locale } from 'antd/es/locale';
// From antd/es/locale/…: the other path silently drops the locales from production builds.
import zhCN from 'antd/es/locale/zh_CN';
import zhTW from 'antd/es/locale/zh_TW';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from '@/lib/session';
import { DisplayProvider, useDisplay } from '@/lib/display';
import { FeaturesProvider } from '@/lib/features';
import { ApiProblem } from '@/api/problem';
import { FEATURES } from './features';
import { router } from './router';
import { makeTheme } from './theme';

const ANTD_LOCALES: Record<string, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const DAYJS_LOCALES: Record<string, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again.
        retry: (count, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for less motion (and follows a change of that setting). */
function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(REDUCED_MOTION);
    const change = () => setReduced(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return reduced;
}

function Themed({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { largeText } = useDisplay();
  const reducedMotion = usePrefersReducedMotion();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const theme = useMemo(() => makeTheme({ phone, largeText, reducedMotion }), [phone, largeText, reducedMotion]);
  useEffect(() => {
    document.documentElement.dataset.largeText = largeText ? 'on' : 'off';
  }, [largeText]);
  return (
    <ConfigProvider locale={ANTD_LOCALES[i18n.language] ?? zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function UserDisplay({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return <DisplayProvider user={state.status === 'authenticated' ? state.me.username : null}>{children}</DisplayProvider>;
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[language] ?? 'zh-cn');
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }, [language, i18n]);

  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <UserDisplay>
          <Themed>
            <FeaturesProvider value={FEATURES}>
              <RouterProvider router={router} />
            </FeaturesProvider>
          </Themed>
        </UserDisplay>
      </SessionProvider>
    </QueryClientProvider>
  );
}
