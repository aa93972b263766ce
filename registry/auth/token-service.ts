import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { RegistryDb } from '../db/connection.js';
import { findAccount } from '../db/accounts-repository.js';
import { HttpError } from '../http/http-error.js';
import type { AuthContext } from '../http/route-table.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface TokenPolicy {
  accessTtlMs: number;
  refreshTtlMs: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { accessTtlMs: 15 * 60_000, refreshTtlMs: 30 * 24 * 3_600_000 };

const newToken = (): string => randomBytes(32).toString('base64url');
/** Only hashes are stored: a copy of the database does not hand out live sessions. */
const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Opaque access tokens (short-lived) and rotating refresh tokens grouped in a family per sign-in. A refresh token is
 * good once; presenting a used one means it was stolen or replayed, so the whole family is revoked (OAuth 2.0 BCP).
 */
export class TokenService {
  constructor(
    private readonly db: RegistryDb,
    private readonly policy: TokenPolicy,
    private readonly now: () => Date,
  ) {}

  async signIn(accountId: string): Promise<IssuedTokens> {
    const familyId = randomUUID();
    await this.db.insertInto('token_families').values({ id: familyId, account_id: accountId, revoked_at: null, created_at: this.now().toISOString() }).execute();
    return this.issue(this.db, accountId, familyId);
  }

  private async issue(db: RegistryDb, accountId: string, familyId: string): Promise<IssuedTokens> {
    const now = this.now().getTime();
    const accessToken = newToken();
    const refreshToken = newToken();
    await db.insertInto('access_tokens').values({
      token_hash: tokenHash(accessToken), family_id: familyId, account_id: accountId,
      expires_at: new Date(now + this.policy.accessTtlMs).toISOString(),
    }).execute();
    await db.insertInto('refresh_tokens').values({
      token_hash: tokenHash(refreshToken), family_id: familyId, account_id: accountId,
      expires_at: new Date(now + this.policy.refreshTtlMs).toISOString(), used_at: null, created_at: new Date(now).toISOString(),
    }).execute();
    return { accessToken, refreshToken, expiresIn: Math.floor(this.policy.accessTtlMs / 1000) };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('refresh_tokens')
        .innerJoin('token_families', 'token_families.id', 'refresh_tokens.family_id')
        .select(['refresh_tokens.token_hash', 'refresh_tokens.family_id', 'refresh_tokens.account_id', 'refresh_tokens.expires_at', 'refresh_tokens.used_at', 'token_families.revoked_at'])
        .where('refresh_tokens.token_hash', '=', tokenHash(refreshToken))
        .executeTakeFirst();
      const nowIso = this.now().toISOString();
      if (!row || row.revoked_at !== null || row.expires_at <= nowIso) return { kind: 'invalid' as const };
      if (row.used_at !== null) {
        await this.revokeFamilyIn(trx, row.family_id);
        return { kind: 'reused' as const };
      }
      const claimed = await trx.updateTable('refresh_tokens').set({ used_at: nowIso })
        .where('token_hash', '=', row.token_hash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) {
        await this.revokeFamilyIn(trx, row.family_id);
        return { kind: 'reused' as const };
      }
      return { kind: 'ok' as const, tokens: await this.issue(trx, row.account_id, row.family_id) };
    });
    if (result.kind === 'reused') throw new HttpError(401, 'TOKEN_REUSED', 'refresh token already used; every session of this sign-in is revoked');
    if (result.kind === 'invalid') throw new HttpError(401, 'UNAUTHORIZED', 'refresh token is not valid');
    return result.tokens;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeFamilyIn(this.db, familyId);
  }

  private async revokeFamilyIn(db: RegistryDb, familyId: string): Promise<void> {
    await db.updateTable('token_families').set({ revoked_at: this.now().toISOString() }).where('id', '=', familyId).where('revoked_at', 'is', null).execute();
    await db.deleteFrom('access_tokens').where('family_id', '=', familyId).execute();
  }

  async verifyAccessToken(token: string): Promise<AuthContext | null> {
    if (token.length > 256) return null;
    const row = await this.db.selectFrom('access_tokens')
      .innerJoin('token_families', 'token_families.id', 'access_tokens.family_id')
      .select(['access_tokens.account_id', 'access_tokens.family_id', 'access_tokens.expires_at', 'token_families.revoked_at'])
      .where('access_tokens.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.expires_at <= this.now().toISOString()) return null;
    const account = await findAccount(this.db, row.account_id);
    if (!account) return null;
    return { accountId: account.id, username: account.username, roles: account.roles, institutionId: account.institutionId, tokenFamilyId: row.family_id };
  }
}
