import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../shared/contract/registry/roles.js';
import { HttpError } from './http-error.js';

/** Who may call a route: anyone, any signed-in account, or accounts holding at least one of the listed roles. */
export type RouteAccess = 'public' | 'authenticated' | readonly Role[];

export interface AuthContext {
  accountId: string;
  username: string;
  roles: readonly Role[];
  /** The institution a coordinator belongs to; null for other accounts. */
  institutionId: string | null;
  tokenFamilyId: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares this (enforced at registration); the one guard in auth-guard.ts reads it. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** One row per registered route: the generated role test and the fuzzer walk this, media routes included. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
  schema: FastifySchema | undefined;
}

export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Must run before any route is added; refuses a route that does not say who may call it. */
export function trackRoutes(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access roles`);
    if (access !== 'public' && route.schema && !route.schema.hide) {
      // The OpenAPI document then says, per operation, that a bearer token is needed and which roles it must hold.
      const who = access === 'authenticated' ? 'any signed-in account' : access.join(', ');
      route.schema = { ...route.schema, security: [{ bearer: [] }], description: `Roles: ${who}.` } as typeof route.schema;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD twin for every GET; it shares the GET's access and is tested through it.
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, access, schema: route.schema as FastifySchema | undefined });
    }
  });
  return table;
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new HttpError(401, 'UNAUTHORIZED', 'sign in first');
  return request.auth;
}

export function hasRole(auth: AuthContext, role: Role): boolean {
  return auth.roles.includes(role);
}
