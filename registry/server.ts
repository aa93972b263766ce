import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_BODY_LIMIT_BYTES, type RegistryConfig } from './config.js';
import type { RegistryContext } from './context.js';
import { openRegistryDb } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { loadServerKeys } from './crypto/server-secret.js';
import { ResidentIdVault } from './crypto/resident-id-vault.js';
import { DEFAULT_TOKEN_POLICY, TokenService } from './auth/token-service.js';
import { SignInLimiter } from './auth/sign-in-limiter.js';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin.js';
import { installErrorHandlers, renderError } from './http/error-handler.js';
import { installAuthGuard } from './http/auth-guard.js';
import { installTextGuard } from './http/text-guard.js';
import { loggerOptions } from './http/logger.js';
import { trackRoutes, type RouteEntry } from './http/route-table.js';
import { registerDomainRoutes } from './routes/index.js';

import { REGISTRY_VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyInstance {
    registry: RegistryContext;
    routeTable: readonly RouteEntry[];
  }
}

/** registry/media/routes.ts, when the media engineer's module is present, adds uploads, blobs and ingest. */
async function registerMediaRoutesIfPresent(app: FastifyInstance, context: RegistryContext): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = ['routes.ts', 'routes.js'].map((name) => join(here, 'media', name)).find((file) => existsSync(file));
  if (!candidate) return;
  const media = (await import(pathToFileURL(candidate).href)) as {
    registerMediaRoutes?: (app: FastifyInstance, context: RegistryContext) => Promise<void> | void;
  };
  await media.registerMediaRoutes?.(app, context);
}

/** The whole registry as a Fastify app, not yet listening: tests and benches use it in-process, cli.ts listens. */
export async function buildRegistry(config: RegistryConfig): Promise<FastifyInstance> {
  const now = config.now ?? (() => new Date());
  const { db, dialect } = openRegistryDb(config);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const context: RegistryContext = {
    config,
    db,
    dialect,
    vault: new ResidentIdVault(loadServerKeys(config.dataDir)),
    tokens: new TokenService(db, { ...DEFAULT_TOKEN_POLICY, ...config.tokenPolicy }, now),
    signInLimiter: new SignInLimiter(config.signInLimit ?? {}, () => now().getTime()),
    now,
  };
  await ensureBootstrapAdmin(context);

  const app = Fastify({
    logger: config.log === false ? false : loggerOptions(config.log ?? {}),
    bodyLimit: config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // Requests in flight at shutdown finish; idle keep-alive sockets are closed so close() does not hang.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Entity ids may be 128 characters, percent-encoded up to three times longer; longer ones get the uniform 414.
    routerOptions: { maxParamLength: 512 },
    // Errors the router raises before any route runs (bad URL encoding, over-long params) get the uniform body too.
    frameworkErrors: (error, request, reply) => {
      const { status, body } = renderError(error, request);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('registry', context);
  app.decorate('routeTable', trackRoutes(app));
  installErrorHandlers(app);
  installAuthGuard(app, (token) => context.tokens.verifyAccessToken(token));
  installTextGuard(app);
  app.addHook('onClose', async () => {
    await db.destroy();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OSEA reference registry', version: REGISTRY_VERSION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await registerDomainRoutes(app, context);
  await registerMediaRoutesIfPresent(app, context);
  await app.ready();
  return app;
}
