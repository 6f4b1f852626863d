// Role gating for routes and pieces of UI. The server enforces the same rules; this only
// decides what to show.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from './session';
import { Forbidden } from '@/components/Forbidden';

/** Staff work at a desk; everyone else gets the phone-sized layout. */
export const DESK_ROLES: Role[] = ['staff'];

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" tip={t('common.loading')}>
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace state={{ expired: state.expired }} />;
  }
  return <Outlet />;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  return roles.includes(state.me.role) ? <>{children}</> : <Forbidden />;
}
