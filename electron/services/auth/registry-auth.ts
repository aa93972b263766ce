import { AccountView, Empty, TokenPair } from '../../../shared/contract/registry/auth';
import { callRegistry, type RegistryOutcome } from '../sync/registry-http';

/** The registry's auth routes, each answer parsed with the contract schema. */
export const registryAuth = {
  signIn: (baseUrl: string, username: string, password: string): Promise<RegistryOutcome<TokenPair>> =>
    callRegistry(baseUrl, { method: 'POST', path: '/v1/auth/sign-in', body: { username, password } }, TokenPair),
  refresh: (baseUrl: string, refreshToken: string): Promise<RegistryOutcome<TokenPair>> =>
    callRegistry(baseUrl, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken } }, TokenPair),
  me: (baseUrl: string, token: string): Promise<RegistryOutcome<AccountView>> =>
    callRegistry(baseUrl, { method: 'GET', path: '/v1/auth/me', token }, AccountView),
  signOut: (baseUrl: string, token: string): Promise<RegistryOutcome<unknown>> =>
    callRegistry(baseUrl, { method: 'POST', path: '/v1/auth/sign-out', token }, Empty),
};
