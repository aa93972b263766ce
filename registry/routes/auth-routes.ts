import type { FastifyInstance } from 'fastify';
import { AccountView, Empty, RefreshRequest, SignInRequest, TokenPair } from '../../shared/contract/registry/auth.js';
import { RegistryErrorBody } from '../../shared/contract/registry/errors.js';
import type { RegistryContext } from '../context.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password.js';
import { findAccount, findAccountByUsername } from '../db/accounts-repository.js';
import { HttpError, notFound } from '../http/http-error.js';
import { requireAuth, typed } from '../http/route-table.js';

export function registerAuthRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db, tokens, signInLimiter } = context;

  typed(app).post('/v1/auth/sign-in', {
    config: { access: 'public' },
    schema: { body: SignInRequest, response: { 200: TokenPair, 401: RegistryErrorBody, 429: RegistryErrorBody } },
  }, async (request) => {
    const { username, password } = request.body;
    if (signInLimiter.isBlocked(username, request.ip)) {
      throw new HttpError(429, 'RATE_LIMITED', 'too many failed sign-ins; wait a minute');
    }
    const account = await findAccountByUsername(db, username);
    const valid = await verifyPassword(password, account?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!account || !valid) {
      signInLimiter.recordFailure(username, request.ip);
      throw new HttpError(401, 'INVALID_CREDENTIALS', 'username or password is wrong');
    }
    signInLimiter.recordSuccess(username, request.ip);
    request.log.info({ accountId: account.id }, 'signed in');
    return { ...(await tokens.signIn(account.id)), tokenType: 'Bearer' as const };
  });

  typed(app).post('/v1/auth/refresh', {
    config: { access: 'public' },
    schema: { body: RefreshRequest, response: { 200: TokenPair } },
  }, async (request) => ({ ...(await tokens.refresh(request.body.refreshToken)), tokenType: 'Bearer' as const }));

  typed(app).post('/v1/auth/sign-out', {
    config: { access: 'authenticated' },
    schema: { response: { 200: Empty } },
  }, async (request) => {
    await tokens.revokeFamily(requireAuth(request).tokenFamilyId);
    return {};
  });

  typed(app).get('/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { response: { 200: AccountView } },
  }, async (request) => {
    const account = await findAccount(db, requireAuth(request).accountId);
    if (!account) throw notFound('account');
    return { id: account.id, username: account.username, displayName: account.displayName, roles: account.roles, institutionId: account.institutionId };
  });
}
