import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { MarkingScheme, schemeContentForHash } from '../../../shared/domain/scheme/marking-scheme';

export interface PinnedScheme {
  scheme: MarkingScheme;
  contentHash: string;
}

const SchemeChange = z.object({ scheme: z.unknown(), contentHash: z.string() });

/**
 * Marking schemes from the replica (entity 'scheme', id `<schemeId>@<version>`). A scheme is used only when its
 * content hashes to the hash the registry published: a decision pins that hash, so scoring against anything else
 * would sign a result the registry cannot reproduce. Parsed schemes are kept per (key, hash) — versions never change.
 */
export class SchemeSource {
  private readonly cache = new Map<string, PinnedScheme>();

  constructor(private readonly db: () => Database) {}

  get(profileId: string, schemeKey: string): PinnedScheme | null {
    const row = this.db().prepare("SELECT data FROM replica WHERE profile_id = ? AND entity = 'scheme' AND entity_id = ?")
      .get(profileId, schemeKey) as { data: string } | undefined;
    if (!row) return null;
    const change = SchemeChange.safeParse(JSON.parse(row.data));
    if (!change.success) return null;
    const cacheKey = `${schemeKey}#${change.data.contentHash}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const scheme = MarkingScheme.safeParse(change.data.scheme);
    if (!scheme.success) return null;
    const hash = createHash('sha256').update(schemeContentForHash(scheme.data), 'utf8').digest('hex');
    if (hash !== change.data.contentHash) return null;
    const pinned = { scheme: scheme.data, contentHash: hash };
    this.cache.set(cacheKey, pinned);
    return pinned;
  }
}
