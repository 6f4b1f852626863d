import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { RequireRole, RequireSession } from '@/lib/authorization';
import { LoginPage } from '@/features/auth/routes/LoginPage';
import { HomePage } from '@/features/home/routes/HomePage';
import { AuditPage } from '@/features/audit/routes/AuditPage';
import { RegistryOverviewPage } from '@/features/registry/routes/RegistryOverviewPage';
import { ResidentsPage } from '@/features/registry/routes/ResidentsPage';
import { ResidentPage } from '@/features/registry/routes/ResidentPage';
import { HouseholdsPage } from '@/features/registry/routes/HouseholdsPage';
import { HouseholdPage } from '@/features/registry/routes/HouseholdPage';
import { ImportPage } from '@/features/registry/routes/ImportPage';
import { MyHouseholdPage } from '@/features/registry/routes/MyHouseholdPage';
import { RoleLayout } from './RoleLayout';

function staffOnly(page: ReactNode) {
  return <RequireRole roles={['staff']}>{page}</RequireRole>;
}

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
          { path: 'registry', element: staffOnly(<RegistryOverviewPage />) },
          { path: 'registry/residents', element: <RequireRole roles={['staff', 'group_leader', 'resident']}><ResidentsPage /></RequireRole> },
          { path: 'registry/residents/:id', element: <RequireRole roles={['staff', 'group_leader', 'resident']}><ResidentPage /></RequireRole> },
          { path: 'registry/households', element: <RequireRole roles={['staff', 'group_leader']}><HouseholdsPage /></RequireRole> },
          { path: 'registry/households/:id', element: <RequireRole roles={['staff', 'group_leader', 'resident']}><HouseholdPage /></RequireRole> },
          { path: 'registry/import', element: staffOnly(<ImportPage />) },
          { path: 'registry/my-household', element: <RequireRole roles={['resident']}><MyHouseholdPage /></RequireRole> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
