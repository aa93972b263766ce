import type { RegistryLogConfig } from './http/logger.js';
import type { TokenPolicy } from './auth/token-service.js';
import type { SignInLimits } from './auth/sign-in-limiter.js';

export interface RegistryConfig {
  dataDir: string;
  /** postgres://… — PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string | undefined;
  demo?: boolean;
  /** false silences logging (benches); tests pass a stream to read the log. */
  log?: RegistryLogConfig | false;
  /** JSON body limit; oversized bodies are refused with 413 before they are parsed. */
  bodyLimitBytes?: number;
  /** Made on start when no admin account exists (CLI: OSEA_REGISTRY_ADMIN_PASSWORD). */
  bootstrapAdmin?: { username: string; password: string } | undefined;
  tokenPolicy?: Partial<TokenPolicy>;
  /** Defaults in auth/sign-in-limiter.ts (5 per username + address, 30 per address, per minute). */
  signInLimit?: Partial<SignInLimits>;
  /** The registry's clock; tests move it to expire tokens. */
  now?: () => Date;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
