// Providers: server state (TanStack Query), Ant Design in the user's language, the session.
import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
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
import { SessionProvider } from '@/lib/session';
import { ApiProblem } from '@/api/problem';
import { router } from './router';

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
    <ConfigProvider locale={ANTD_LOCALES[language] ?? zhCN} theme={{ token: { colorPrimary: '#c0392b' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
