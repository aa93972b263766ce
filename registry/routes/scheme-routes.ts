import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MarkingScheme, schemeContentForHash } from '../../shared/domain/scheme/marking-scheme.js';
import { CreateSchemeRequest, SchemeList, SchemeParams, SchemeView } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { recordChange } from '../db/changes-repository.js';
import { precompile, type SlotOf } from '../db/precompiled-query.js';
import { memoized } from '../db/transaction-memo.js';
import { inTransaction } from '../db/transaction.js';
import { badRequest, conflict, notFound } from '../http/http-error.js';
import { typed } from '../http/route-table.js';

export function schemeContentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Parsed schemes by content hash: the hash names the exact content, so an entry can never go stale. */
const parsedByHash = new Map<string, MarkingScheme>();

// Read for every decision a push applies (memoized there: no op writes a scheme).
const schemeContent = precompile((db, slot: SlotOf<{ id: string; version: number }>) =>
  db.selectFrom('marking_schemes').select(['content', 'content_hash']).where('id', '=', slot('id')).where('version', '=', slot('version')));

export async function loadScheme(db: RegistryDb, id: string, version: number): Promise<{ scheme: MarkingScheme; contentHash: string } | undefined> {
  const [row] = await memoized(db, `marking_schemes:${id}@${version}`, () => schemeContent.rows(db, { id, version }));
  if (!row) return undefined;
  let scheme = parsedByHash.get(row.content_hash);
  if (!scheme) {
    scheme = MarkingScheme.parse(JSON.parse(row.content));
    if (parsedByHash.size > 1000) parsedByHash.clear();
    parsedByHash.set(row.content_hash, scheme);
  }
  return { scheme, contentHash: row.content_hash };
}

async function schemeInUse(db: RegistryDb, id: string, version: number): Promise<boolean> {
  const task = await db.selectFrom('review_tasks').select('id').where('scheme_id', '=', id).where('scheme_version', '=', version).executeTakeFirst();
  return task !== undefined;
}

export function registerSchemeRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  async function save(scheme: MarkingScheme, mode: 'create' | 'replace'): Promise<SchemeView> {
    const content = schemeContentForHash(scheme);
    const contentHash = schemeContentHash(content);
    return inTransaction(db, async (trx) => {
      const existing = await trx.selectFrom('marking_schemes').select(['content_hash', 'occupation_code', 'level']).where('id', '=', scheme.id).where('version', '=', scheme.version).executeTakeFirst();
      if (mode === 'create' && existing && existing.content_hash !== contentHash) {
        throw conflict('DUPLICATE', 'this scheme version exists with other content; publish a new version', 'body.scheme.version');
      }
      if (mode === 'replace' && !existing) throw notFound('marking scheme version');
      if (existing?.content_hash === contentHash) return { scheme, contentHash, inUse: await schemeInUse(trx, scheme.id, scheme.version) };
      if (existing) {
        // Decisions pin the content hash: once a task uses a version, changing it would orphan them.
        if (await schemeInUse(trx, scheme.id, scheme.version)) throw conflict('SCHEME_IN_USE', 'a review task uses this scheme version; publish a new version');
        // Submissions were checked against the certificate's occupation and level when created: a version that
        // changed them would silently apply to people it was never for. A correction keeps them; anything else is a new scheme.
        if (existing.occupation_code !== scheme.occupationCode) throw conflict('CONFLICT', 'a replaced version keeps its occupation; publish a new scheme for another one', 'body.scheme.occupationCode');
        if (existing.level !== scheme.level) throw conflict('CONFLICT', 'a replaced version keeps its level; publish a new scheme for another one', 'body.scheme.level');
        await trx.updateTable('marking_schemes').set({ content, content_hash: contentHash }).where('id', '=', scheme.id).where('version', '=', scheme.version).execute();
      } else {
        await trx.insertInto('marking_schemes').values({
          id: scheme.id, version: scheme.version, occupation_code: scheme.occupationCode, level: scheme.level,
          content, content_hash: contentHash, created_at: context.now().toISOString(),
        }).execute();
      }
      await recordChange(trx, 'scheme', `${scheme.id}@${scheme.version}`, { scheme, contentHash }, [{ all: true }], context.now());
      return { scheme, contentHash, inUse: false };
    });
  }

  typed(app).post('/v1/schemes', {
    config: { access: ['admin'] },
    schema: { body: CreateSchemeRequest, response: { 201: SchemeView } },
  }, async (request, reply) => reply.code(201).send(await save(request.body.scheme, 'create')));

  typed(app).put('/v1/schemes/:id/versions/:version', {
    config: { access: ['admin'] },
    schema: { params: SchemeParams, body: CreateSchemeRequest, response: { 200: SchemeView } },
  }, async (request) => {
    const { scheme } = request.body;
    if (scheme.id !== request.params.id || scheme.version !== request.params.version) {
      throw badRequest('scheme id and version must match the path', 'body.scheme.id');
    }
    return save(scheme, 'replace');
  });

  typed(app).get('/v1/schemes', {
    config: { access: 'authenticated' },
    schema: { response: { 200: SchemeList } },
  }, async () => {
    const rows = await db.selectFrom('marking_schemes').select(['id', 'version', 'occupation_code', 'level', 'content', 'content_hash']).orderBy('id').orderBy('version').execute();
    return {
      schemes: rows.map((row) => ({
        id: row.id, version: row.version, occupationCode: row.occupation_code, level: row.level,
        title: (JSON.parse(row.content) as { title: string }).title, contentHash: row.content_hash,
      })),
    };
  });

  typed(app).get('/v1/schemes/:id/versions/:version', {
    config: { access: 'authenticated' },
    schema: { params: SchemeParams, response: { 200: SchemeView } },
  }, async (request) => {
    const found = await loadScheme(db, request.params.id, request.params.version);
    if (!found) throw notFound('marking scheme version');
    return { ...found, inUse: await schemeInUse(db, request.params.id, request.params.version) };
  });
}
