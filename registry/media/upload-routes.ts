/**
 * Resumable uploads over tus (DESIGN §7) at /v1/uploads. The client names the content's sha256 in Upload-Metadata;
 * on completion the registry hashes what arrived: a mismatch deletes the upload and says so, a match moves the file
 * into the blob store and, for videos, queues the ingest. Each upload belongs to the account that created it.
 */
import type { IncomingMessage } from 'node:http';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { Role } from '../../shared/contract/registry/roles';
import type { RegistryErrorBody } from '../../shared/contract/registry/errors';
import { Sha256Hex } from '../../shared/domain/media/frame-table';
import type { AuthContext } from '../http/route-table';
import type { BlobStore } from './blob-store';
import type { IngestQueue } from './ingest-queue';
import type { MediaDb } from './media-tables';
import { sha256File } from './sha256-file';

export const UPLOADS_PATH = '/v1/uploads';
const UPLOADERS: readonly Role[] = ['coordinator', 'admin'];
export const UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export interface UploadDeps {
  db: MediaDb;
  blobs: BlobStore;
  queue: IngestQueue;
  uploadDir: string;
  maxUploadBytes: number;
  now: () => Date;
}

/** tus hooks answer by throwing {status_code, body}; the body is our uniform error JSON. */
function tusError(status: number, message: string, field?: string): { status_code: number; body: string } {
  const body: RegistryErrorBody = {
    error: { code: status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'VALIDATION', message, ...(field ? { field } : {}) },
  };
  return { status_code: status, body: JSON.stringify(body) };
}

export function registerUploadRoutes(app: FastifyInstance, deps: UploadDeps): Server {
  // tus hands its hooks a web Request; the Node request under it is how they learn who is calling
  const callers = new WeakMap<IncomingMessage, AuthContext>();
  const callerOf = (req: object): AuthContext | undefined => {
    // srvx's Node request keeps the IncomingMessage at runtime.node.req (its typings vary by version)
    const raw = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    return raw === undefined ? undefined : callers.get(raw);
  };
  // an upload nobody resumes for a week is abandoned; its bytes are reclaimed by cleanUpExpiredUploads
  const datastore = new FileStore({ directory: deps.uploadDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore,
    maxSize: deps.maxUploadBytes,
    relativeLocation: true,
    respectForwardedHeaders: false,
    async onUploadCreate(req, upload) {
      const sha = Sha256Hex.safeParse(upload.metadata?.sha256);
      if (!sha.success) throw tusError(400, 'Upload-Metadata must name the sha256 (64 lower-case hex digits) of the content', 'metadata.sha256');
      const caller = callerOf(req);
      if (caller === undefined) throw tusError(403, 'no caller');
      return { metadata: { ...upload.metadata, sha256: sha.data, uploadedBy: caller.accountId } };
    },
    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST') return;
      let upload: Upload;
      try {
        upload = await datastore.getUpload(uploadId);
      } catch {
        return; // tus answers 404 itself
      }
      if (upload.metadata?.uploadedBy !== callerOf(req)?.accountId) throw tusError(403, 'this upload belongs to another account');
    },
    async onUploadFinish(_req, upload) {
      const claimed = Sha256Hex.parse(upload.metadata?.sha256);
      const file = join(deps.uploadDir, upload.id);
      const actual = await sha256File(file);
      if (actual !== claimed) {
        await datastore.remove(upload.id);
        throw tusError(422, `the uploaded bytes hash to ${actual}, not to the sha256 named in the metadata (${claimed}); the upload was deleted`, 'metadata.sha256');
      }
      const size = upload.size ?? upload.offset;
      await deps.blobs.adopt(file, actual);
      await rm(`${file}.json`, { force: true });
      await deps.db
        .insertInto('media_blobs')
        .values({
          sha256: actual,
          size_bytes: size,
          content_type: 'application/octet-stream',
          origin: 'upload',
          uploaded_by: upload.metadata?.uploadedBy ?? null,
          created_at: deps.now().toISOString(),
        })
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute();
      if ((upload.metadata?.kind ?? 'video') === 'video') await deps.queue.enqueue(actual);
      return { headers: { 'Upload-Sha256': actual } };
    },
  });

  void app.register(async (scope) => {
    // tus reads PATCH bodies from the raw stream itself
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (request.auth) callers.set(request.raw, request.auth);
      reply.hijack();
      try {
        await tus.handle(request.raw, reply.raw);
      } catch (error) {
        request.log.error({ err: error }, 'tus upload failed');
        if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error' } }));
      }
    };
    const schema = { tags: ['media'], summary: 'tus 1.0 resumable upload (creation, creation-with-upload, termination)' };
    scope.route({ method: 'POST', url: UPLOADS_PATH, config: { access: UPLOADERS }, schema, handler });
    scope.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: `${UPLOADS_PATH}/:id`, config: { access: UPLOADERS }, schema, handler });
  });
  return tus;
}
