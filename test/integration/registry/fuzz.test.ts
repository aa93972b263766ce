import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistryErrorBody } from '../../../shared/contract/registry/errors';
import type { RouteEntry } from '../../../registry/http/route-table';
import { DIALECTS, bearer, registryHarness } from './support/harness';
import { call, syntheticUscc } from './support/fixtures';
import { concreteUrl, injectMethod } from './support/route-urls';

/** ≥ 500 cases per route in CI (the bar); a quick pass locally unless OSEA_FUZZ_RUNS says otherwise. */
const RUNS = Number(process.env.OSEA_FUZZ_RUNS ?? (process.env.CI === 'true' ? 500 : 25));

/** Roughly 40 routes × RUNS requests of a few ms each, with room for a slow machine. */
const FUZZ_TIMEOUT_MS = Math.max(60_000, RUNS * 40 * 25);

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', '../../etc/passwd', '%00', '1e400', '-1', '0', 'null', 'x'.repeat(300), '11010519491231002X', '9'.repeat(64), 'é'.repeat(129)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -0, 0.5, true, null, [], {}) },
);

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Either any JSON at all, or an object with the schema's own keys holding hostile values (reaches deeper checks). */
function bodyFor(route: RouteEntry): fc.Arbitrary<unknown> {
  const keys = shapeKeys(route.schema?.body);
  const shaped = keys.length === 0 ? fc.dictionary(nastyString, nastyValue, { maxKeys: 4 })
    : fc.record(Object.fromEntries(keys.map((key) => [key, nastyValue])), { requiredKeys: [] });
  return fc.oneof(shaped, fc.jsonValue({ maxDepth: 4 }));
}

function queryFor(route: RouteEntry): fc.Arbitrary<Record<string, string>> {
  const keys = shapeKeys(route.schema?.querystring);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 5 })) : fc.string({ maxLength: 5 });
  return fc.dictionary(key, nastyString.map(String), { maxKeys: 3 });
}

function paramsFor(route: RouteEntry): fc.Arbitrary<Record<string, string>> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return fc.record(Object.fromEntries(names.map((name) => [name, fc.oneof(nastyString, fc.uuid(), fc.constantFrom('1', '0', '-1', 'a'.repeat(64)))])));
}

describe.each(DIALECTS)('fuzzing every route on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it(`never answers 5xx and always names the problem (${RUNS} cases per route)`, async () => {
    const registry = await harness.start();
    const admin = await registry.adminToken();
    const institution = await call<{ id: string }>(registry, admin, 'POST', '/v1/institutions', { name: 'x', uscc: syntheticUscc(), type: 'school', provinceCode: '11', filingReference: 'F' });
    // One account holding every role passes every guard, so the input itself is what gets tested.
    const everyone = await registry.account(['expert', 'committee', 'coordinator', 'admin'], { institutionId: institution.body.id });
    const routes = registry.app.routeTable.filter((route) => !route.url.endsWith('/sign-out'));
    for (const route of routes) {
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      await fc.assert(
        fc.asyncProperty(paramsFor(route), queryFor(route), hasBody ? bodyFor(route) : fc.constant(undefined), async (params, query, body) => {
          const search = new URLSearchParams(query).toString();
          const url = concreteUrl(route, (name) => params[name] ?? 'x') + (search ? `?${search}` : '');
          const response = await registry.app.inject({
            method: injectMethod(route.method), url, headers: { ...bearer(everyone.token), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { payload: JSON.stringify(body) } : {}),
          });
          const label = `${route.method} ${url} ${hasBody ? JSON.stringify(body)?.slice(0, 300) : ''}`;
          expect(response.statusCode, `${label} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
          // tus (resumable uploads) is its own protocol: its errors are plain text by specification.
          if (response.statusCode >= 400 && !isJson) expect(route.url.startsWith('/v1/uploads'), `${label}: non-JSON error ${response.body}`).toBe(true);
          if (response.statusCode >= 400 && isJson) {
            const parsed = RegistryErrorBody.safeParse(response.json());
            expect(parsed.success, `${label}: error body ${response.body}`).toBe(true);
            if (response.statusCode === 400 && parsed.data?.error.code === 'VALIDATION') {
              expect(parsed.data.error.field, `${label}: failing field`).toBeDefined();
            }
          }
        }),
        { numRuns: RUNS },
      );
    }
  }, FUZZ_TIMEOUT_MS);
});
