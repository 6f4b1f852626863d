// The routes come from the features (app/features.ts); this file only places them in the layout.
// Pages beyond the first screen load on demand: phones on slow networks fetch less up front.
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { RouteError } from '@/components/RouteError';
import { RequireRole, RequireSession } from '@/lib/authorization';
import { LoginPage } from '@/features/auth/routes/LoginPage';
import { FEATURES } from './features';
import { MorePage } from './MorePage';
import { RoleLayout } from './RoleLayout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        path: '/',
        element: <RoleLayout />,
        errorElement: <RouteError />,
        children: [
          ...FEATURES.routes.map(({ path, roles, Component }) => {
            const element = roles ? (
              <RequireRole roles={roles}>
                <Component />
              </RequireRole>
            ) : (
              <Component />
            );
            return path === '' ? { index: true, element } : { path, element };
          }),
          { path: 'more', element: <MorePage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
