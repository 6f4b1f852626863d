import { describe, expect, it } from 'vitest';
import { navigationFor } from '@/lib/features';
import { FEATURES } from './features';

describe('the collected features', () => {
  it('every role has pages, and every navigation entry has a route for its roles', () => {
    const routes = FEATURES.routes.map((r) => ({ path: `/${r.path}`.replace(/\/$/, '') || '/', roles: r.roles }));
    for (const role of ['staff', 'group_leader', 'resident', 'partner'] as const) {
      const entries = navigationFor(FEATURES.navigation, role);
      expect(entries.length).toBeGreaterThan(1);
      for (const entry of entries) {
        const route = routes.find((r) => r.path === entry.path);
        expect(route, entry.path).toBeDefined();
        expect(!route?.roles || route.roles.includes(role), `${role} may open ${entry.path}`).toBe(true);
      }
    }
  });
});
