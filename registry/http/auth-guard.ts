import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';
import type { AuthContext } from './route-table.js';

export type VerifyAccessToken = (token: string) => Promise<AuthContext | null>;

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * The single place roles are enforced. It runs at onRequest — before the body is even parsed — so an unauthenticated
 * or wrong-role caller learns nothing about what input the route accepts.
 */
export function installAuthGuard(app: FastifyInstance, verify: VerifyAccessToken): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    const auth = token ? await verify(token) : null;
    if (!auth) throw new HttpError(401, 'UNAUTHORIZED', 'a valid access token is required');
    if (access !== 'authenticated' && !access.some((role) => auth.roles.includes(role))) {
      throw new HttpError(403, 'FORBIDDEN', `requires one of the roles: ${access.join(', ')}`);
    }
    request.auth = auth;
  });
}
