import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../context.js';
import { REGISTRY_VERSION } from '../version.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerCertificateRoutes } from './certificate-routes.js';
import { registerExpertRoutes } from './expert-routes.js';
import { registerInstitutionRoutes } from './institution-routes.js';
import { registerPractitionerRoutes } from './practitioner-routes.js';
import { registerSchemeRoutes } from './scheme-routes.js';
import { registerSubmissionRoutes } from './submission-routes.js';
import { registerSystemRoutes } from './system-routes.js';
import { registerSyncRoutes } from './sync-routes.js';
import { registerTaskRoutes } from './task-routes.js';

export async function registerDomainRoutes(app: FastifyInstance, context: RegistryContext): Promise<void> {
  registerSystemRoutes(app, context, REGISTRY_VERSION);
  registerAuthRoutes(app, context);
  registerAccountRoutes(app, context);
  registerInstitutionRoutes(app, context);
  registerPractitionerRoutes(app, context);
  registerCertificateRoutes(app, context);
  registerExpertRoutes(app, context);
  registerSchemeRoutes(app, context);
  registerSubmissionRoutes(app, context);
  registerTaskRoutes(app, context);
  registerSyncRoutes(app, context);
}
