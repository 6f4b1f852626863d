// Pages beyond the first screen load on demand: phones on slow networks fetch less up front.
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { RequireRole, RequireSession } from '@/lib/authorization';
import { LoginPage } from '@/features/auth/routes/LoginPage';
import { HomePage } from '@/features/home/routes/HomePage';
import { RoleLayout } from './RoleLayout';

const AuditPage = lazy(() => import('@/features/audit/routes/AuditPage').then((m) => ({ default: m.AuditPage })));
const RegistryOverviewPage = lazy(() => import('@/features/registry/routes/RegistryOverviewPage').then((m) => ({ default: m.RegistryOverviewPage })));
const ResidentsPage = lazy(() => import('@/features/registry/routes/ResidentsPage').then((m) => ({ default: m.ResidentsPage })));
const ResidentPage = lazy(() => import('@/features/registry/routes/ResidentPage').then((m) => ({ default: m.ResidentPage })));
const HouseholdsPage = lazy(() => import('@/features/registry/routes/HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => import('@/features/registry/routes/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const ImportPage = lazy(() => import('@/features/registry/routes/ImportPage').then((m) => ({ default: m.ImportPage })));
const PartnersPage = lazy(() => import('@/features/partners/routes/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => import('@/features/partners/routes/PartnerPage').then((m) => ({ default: m.PartnerPage })));
const NeedsPage = lazy(() => import('@/features/partners/routes/NeedsPage').then((m) => ({ default: m.NeedsPage })));
const PledgesPage = lazy(() => import('@/features/partners/routes/PledgesPage').then((m) => ({ default: m.PledgesPage })));
const PledgePage = lazy(() => import('@/features/partners/routes/PledgePage').then((m) => ({ default: m.PledgePage })));
const PledgeFormPage = lazy(() => import('@/features/partners/routes/PledgeFormPage').then((m) => ({ default: m.PledgeFormPage })));
const WebhooksPage = lazy(() => import('@/features/partners/routes/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const ThanksPage = lazy(() => import('@/features/partners/routes/ThanksPage').then((m) => ({ default: m.ThanksPage })));
const MyHouseholdPage = lazy(() => import('@/features/registry/routes/MyHouseholdPage').then((m) => ({ default: m.MyHouseholdPage })));

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
          {
            path: 'registry/residents',
            element: (
              <RequireRole roles={['staff', 'group_leader', 'resident']}>
                <ResidentsPage />
              </RequireRole>
            ),
          },
          {
            path: 'registry/residents/:id',
            element: (
              <RequireRole roles={['staff', 'group_leader', 'resident']}>
                <ResidentPage />
              </RequireRole>
            ),
          },
          {
            path: 'registry/households',
            element: (
              <RequireRole roles={['staff', 'group_leader']}>
                <HouseholdsPage />
              </RequireRole>
            ),
          },
          {
            path: 'registry/households/:id',
            element: (
              <RequireRole roles={['staff', 'group_leader', 'resident']}>
                <HouseholdPage />
              </RequireRole>
            ),
          },
          { path: 'registry/import', element: staffOnly(<ImportPage />) },
          {
            path: 'registry/my-household',
            element: (
              <RequireRole roles={['resident']}>
                <MyHouseholdPage />
              </RequireRole>
            ),
          },
          { path: 'partners', element: staffOnly(<PartnersPage />) },
          { path: 'partners/:id', element: staffOnly(<PartnerPage />) },
          {
            path: 'my-unit',
            element: (
              <RequireRole roles={['partner']}>
                <PartnerPage />
              </RequireRole>
            ),
          },
          { path: 'needs', element: <NeedsPage /> },
          {
            path: 'pledges',
            element: (
              <RequireRole roles={['staff', 'partner']}>
                <PledgesPage />
              </RequireRole>
            ),
          },
          {
            path: 'pledges/new',
            element: (
              <RequireRole roles={['partner']}>
                <PledgeFormPage />
              </RequireRole>
            ),
          },
          {
            path: 'pledges/:id',
            element: (
              <RequireRole roles={['staff', 'partner']}>
                <PledgePage />
              </RequireRole>
            ),
          },
          {
            path: 'webhooks',
            element: (
              <RequireRole roles={['partner']}>
                <WebhooksPage />
              </RequireRole>
            ),
          },
          { path: 'thanks', element: <ThanksPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
