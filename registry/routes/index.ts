import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../context.js';
import { REGISTRY_VERSION } from '../version.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerSystemRoutes } from './system-routes.js';

export async function registerDomainRoutes(app: FastifyInstance, context: RegistryContext): Promise<void> {
  registerSystemRoutes(app, context, REGISTRY_VERSION);
  registerAuthRoutes(app, context);
  registerAccountRoutes(app, context);
}
