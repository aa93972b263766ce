import type { RegistryConfig } from './config.js';
import type { RegistryDb, RegistryDialect } from './db/connection.js';
import type { ResidentIdVault } from './crypto/resident-id-vault.js';
import type { TokenService } from './auth/token-service.js';
import type { SignInLimiter } from './auth/sign-in-limiter.js';

/** What route modules (ours and registry/media's) are given: storage, keys, clock. No globals. */
export interface RegistryContext {
  config: RegistryConfig;
  db: RegistryDb;
  dialect: RegistryDialect;
  vault: ResidentIdVault;
  tokens: TokenService;
  signInLimiter: SignInLimiter;
  now: () => Date;
}
