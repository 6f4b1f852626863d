import { DESK_ROLES } from '@/lib/authorization';
import { useMe } from '@/lib/session';
import { MobileLayout } from './MobileLayout';
import { StaffLayout } from './StaffLayout';

export function RoleLayout() {
  const me = useMe();
  return DESK_ROLES.includes(me.role) ? <StaffLayout /> : <MobileLayout />;
}
