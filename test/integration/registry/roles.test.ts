import { describe, expect, it } from 'vitest';
import { ALL_ROLES, type Role } from '../../../shared/contract/registry/roles';
import { DIALECTS, bearer, registryHarness } from './support/harness';
import { call, syntheticUscc } from './support/fixtures';
import { concreteUrl, injectMethod } from './support/route-urls';

/**
 * Generated from the registry's own route table (media routes included once they register): every non-public route
 * answers 401 without a token and 403 to every role it does not list; a role it lists gets past the guard.
 */
describe.each(DIALECTS)('role × route matrix on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('enforces the declared roles of every route', async () => {
    const registry = await harness.start();
    const admin = await registry.adminToken();
    const institution = await call<{ id: string }>(registry, admin, 'POST', '/v1/institutions', { name: 'x', uscc: syntheticUscc(), type: 'school', provinceCode: '11', filingReference: 'F' });
    const tokens = new Map<Role, string>();
    for (const role of ALL_ROLES) {
      tokens.set(role, (await registry.account([role], { institutionId: role === 'coordinator' ? institution.body.id : null })).token);
    }
    // Sign-out revokes the token it is called with, so it goes last.
    const signsOut = (url: string) => url.endsWith('/sign-out');
    const routes = registry.app.routeTable
      .filter((route) => route.access !== 'public')
      .sort((a, b) => Number(signsOut(a.url)) - Number(signsOut(b.url)));
    expect(routes.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const route of routes) {
      const url = concreteUrl(route);
      const label = `${route.method} ${route.url}`;
      const anonymous = await registry.app.inject({ method: injectMethod(route.method), url, payload: route.method === 'GET' ? undefined : {} });
      expect(anonymous.statusCode, `${label} without a token`).toBe(401);
      expect(anonymous.json(), label).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      const garbage = await registry.app.inject({ method: injectMethod(route.method), url, headers: bearer('not-a-token') });
      expect(garbage.statusCode, `${label} with a made-up token`).toBe(401);

      for (const role of ALL_ROLES) {
        const allowed = route.access === 'authenticated' || route.access.includes(role);
        const response = await registry.app.inject({
          method: injectMethod(route.method), url, headers: bearer(tokens.get(role)!), payload: route.method === 'GET' ? undefined : {},
        });
        if (allowed) {
          expect(response.statusCode, `${label} as ${role}`).not.toBe(401);
          expect(response.statusCode >= 500, `${label} as ${role}: ${response.body}`).toBe(false);
          if (response.statusCode === 403) expect(response.body, `${label} as ${role}`).not.toContain('requires one of the roles');
        } else {
          expect(response.statusCode, `${label} as ${role}`).toBe(403);
          expect(response.json(), label).toMatchObject({ error: { code: 'FORBIDDEN' } });
        }
      }
      checked.push(label);
    }
    expect(checked).toContain('POST /v1/ops');
    expect(checked).toContain('POST /v1/submissions/:id/assignments');
  });
});
