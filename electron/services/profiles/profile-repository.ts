import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Role } from '../../../shared/contract/registry/roles';

const ProfileRowSchema = z.object({
  id: z.string(),
  registry_url: z.string(),
  username: z.string(),
  account_id: z.string(),
  display_name: z.string(),
  roles: z.string().transform((text) => z.array(Role).parse(JSON.parse(text))),
  verifier: z.string(),
  device_id: z.string(),
  next_seq: z.number().int(),
  access_token: z.instanceof(Buffer).nullable(),
  access_expires_at: z.string().nullable(),
  refresh_token: z.instanceof(Buffer).nullable(),
  signing_key: z.instanceof(Buffer),
  public_key_spki: z.string(),
  key_id: z.string(),
  key_registered_at: z.string().nullable(),
  pull_cursor: z.string().nullable(),
  blocked_reason: z.string().nullable(),
  last_push_at: z.string().nullable(),
  last_pull_at: z.string().nullable(),
  created_at: z.string(),
  last_online_at: z.string(),
});
export type ProfileRow = z.output<typeof ProfileRowSchema>;

export interface NewProfile {
  id: string;
  registryUrl: string;
  username: string;
  accountId: string;
  displayName: string;
  roles: Role[];
  verifier: string;
  deviceId: string;
  signingKey: Buffer;
  publicKeySpki: string;
  keyId: string;
  now: string;
}

export interface SealedTokens {
  accessToken: Buffer;
  accessExpiresAt: string;
  refreshToken: Buffer;
}

/** Local profiles: one per (registry, username). Rows are parsed on the way out, so a damaged row fails loudly. */
export class ProfileRepository {
  constructor(private readonly db: () => Database) {}

  find(id: string): ProfileRow | null {
    const row = this.db().prepare('SELECT * FROM profiles WHERE id = ?').get(id);
    return row ? ProfileRowSchema.parse(row) : null;
  }

  findByUsername(registryUrl: string, username: string): ProfileRow | null {
    const row = this.db().prepare('SELECT * FROM profiles WHERE registry_url = ? AND username = ?').get(registryUrl, username);
    return row ? ProfileRowSchema.parse(row) : null;
  }

  list(): ProfileRow[] {
    return this.db().prepare('SELECT * FROM profiles ORDER BY last_online_at DESC').all().map((row) => ProfileRowSchema.parse(row));
  }

  insert(p: NewProfile, tokens: SealedTokens): void {
    this.db().prepare(`INSERT INTO profiles (id, registry_url, username, account_id, display_name, roles, verifier, device_id,
        access_token, access_expires_at, refresh_token, signing_key, public_key_spki, key_id, created_at, last_online_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      p.id, p.registryUrl, p.username, p.accountId, p.displayName, JSON.stringify(p.roles), p.verifier, p.deviceId,
      tokens.accessToken, tokens.accessExpiresAt, tokens.refreshToken, p.signingKey, p.publicKeySpki, p.keyId, p.now, p.now,
    );
  }

  /** After an online sign-in: the password may have changed, and a sign-in clears any "sign in again" block. */
  recordOnlineSignIn(id: string, fields: { displayName: string; roles: Role[]; verifier: string; now: string }, tokens: SealedTokens): void {
    this.db().prepare(`UPDATE profiles SET display_name = ?, roles = ?, verifier = ?, access_token = ?, access_expires_at = ?,
        refresh_token = ?, last_online_at = ?, blocked_reason = NULL WHERE id = ?`).run(
      fields.displayName, JSON.stringify(fields.roles), fields.verifier, tokens.accessToken, tokens.accessExpiresAt,
      tokens.refreshToken, fields.now, id,
    );
  }

  saveTokens(id: string, tokens: SealedTokens): void {
    this.db().prepare('UPDATE profiles SET access_token = ?, access_expires_at = ?, refresh_token = ? WHERE id = ?')
      .run(tokens.accessToken, tokens.accessExpiresAt, tokens.refreshToken, id);
  }

  clearTokens(id: string): void {
    this.db().prepare('UPDATE profiles SET access_token = NULL, access_expires_at = NULL, refresh_token = NULL WHERE id = ?').run(id);
  }

  setBlocked(id: string, reason: string | null): void {
    this.db().prepare('UPDATE profiles SET blocked_reason = ? WHERE id = ?').run(reason, id);
  }

  markKeyRegistered(id: string, now: string): void {
    this.db().prepare('UPDATE profiles SET key_registered_at = ? WHERE id = ?').run(now, id);
  }
}
