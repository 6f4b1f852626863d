import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { RequireRole, RequireSession } from '@/lib/authorization';
import { LoginPage } from '@/features/auth/routes/LoginPage';
import { HomePage } from '@/features/home/routes/HomePage';
import { AuditPage } from '@/features/audit/routes/AuditPage';
import { RoleLayout } from './RoleLayout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        path: '/',
        element: <RoleLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'audit',
            element: (
              <RequireRole roles={['staff']}>
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
