import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HealthResponse } from '../../shared/contract/registry/health.js';
import type { RegistryContext } from '../context.js';
import { typed } from '../http/route-table.js';

export function registerSystemRoutes(app: FastifyInstance, context: RegistryContext, version: string): void {
  typed(app).get('/v1/health', {
    config: { access: 'public' },
    schema: { response: { 200: HealthResponse } },
  }, async () => ({ status: 'ok' as const, database: context.dialect, version }));

  // Generated from the zod schemas of every route by @fastify/swagger; never written by hand.
  typed(app).get('/v1/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.record(z.string(), z.unknown()) } },
  }, async () => app.swagger() as unknown as Record<string, unknown>);
}
