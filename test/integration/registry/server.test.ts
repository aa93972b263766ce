import { describe, expect, it } from 'vitest';
import { DIALECTS, registryHarness } from './support/harness';

describe.each(DIALECTS)('registry server basics on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('answers health with its database dialect', async () => {
    const registry = await harness.start();
    const response = await registry.app.inject({ method: 'GET', url: '/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: dialect });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const registry = await harness.start();
    const doc = (await registry.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const signIn = doc.paths['/v1/auth/sign-in']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(signIn?.properties ?? {})).toEqual(['username', 'password']);
    const assign = (doc.paths['/v1/submissions/{id}/assignments'] as Record<string, { security?: unknown; description?: string }> | undefined)?.post;
    expect(assign).toMatchObject({ security: [{ bearer: [] }], description: 'Roles: admin.' });
    for (const route of registry.app.routeTable) {
      if (route.url === '/v1/openapi.json') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} in OpenAPI`).toBeDefined();
    }
  });

  it('gives every client error the uniform body', async () => {
    const registry = await harness.start();
    const missing = await registry.app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });

    const badJson = await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'body' } });

    const wrongField = await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username: 'ab', password: 'x' } });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'body.username' } });
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const registry = await harness.start({ bodyLimitBytes: 4096 });
    const response = await registry.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      payload: { username: 'someone', password: 'x'.repeat(10_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
