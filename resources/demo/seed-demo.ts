/**
 * Seeds one registry (built in process, not listening) with the demo dataset through its HTTP routes as admin01.
 * Returns the counts written into the marker.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AccountView } from '../../shared/contract/registry/auth';
import {
  CertificateView, ExpertView, InstitutionView, PractitionerView, ReviewTaskList, SchemeView, SubmissionView,
} from '../../shared/contract/registry/domain';
import { isEligibleReviewer } from '../../shared/domain/expert/expert';
import { hashPassword } from '../../registry/auth/password';
import { findAccountByUsername, insertAccount } from '../../registry/db/accounts-repository';
import { RegistryClient, DemoSeedError } from './admin-client';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_OCCUPATIONS, DEMO_PASSWORD, PANEL_PREFERENCE, type InstitutionKey } from './demo-cast';
import { loadDemoSchemes, loadNameLists, loadRegions } from './demo-data-files';
import { planPractitioners, type PlannedPractitioner } from './demo-people';
import { DemoRandom } from './demo-random';
import { generateAndIngestDemoVideos, planDemoVideos } from './demo-videos';
import { randomOrgCodeBody, syntheticUscc } from './synthetic-ids';

export const DemoCounts = z.object({
  institutions: z.number().int(),
  accounts: z.number().int(),
  practitioners: z.number().int(),
  certificates: z.number().int(),
  schemes: z.number().int(),
  submissions: z.number().int(),
  reviewTasks: z.number().int(),
});
export type DemoCounts = z.infer<typeof DemoCounts>;

/** Submissions left `submitted` (one per institution) so an admin can try assignment by hand. */
const UNASSIGNED_PER_INSTITUTION = 1;
const DAY_MS = 86_400_000;

export interface SeedOptions {
  app: FastifyInstance;
  dataDir: string;
  progress: (line: string) => void;
}

export async function seedDemo({ app, dataDir, progress }: SeedOptions): Promise<DemoCounts> {
  const { db, now } = app.registry;
  if (await findAccountByUsername(db, 'admin01')) {
    throw new DemoSeedError('demo: this registry already has demo accounts but no demo marker (an earlier generation was interrupted); start with an empty data dir');
  }
  const [names, regions, schemes] = await Promise.all([loadNameLists(), loadRegions(), loadDemoSchemes()]);
  const random = new DemoRandom(32_100);

  // The one account made below the HTTP layer: someone has to be admin before anything can be posted.
  const adminSpec = DEMO_ACCOUNTS.find((account) => account.username === 'admin01');
  if (!adminSpec) throw new Error('demo cast lacks admin01');
  const admin = await insertAccount(db, { username: adminSpec.username, passwordHash: await hashPassword(DEMO_PASSWORD), displayName: adminSpec.displayName, roles: adminSpec.roles, institutionId: null }, now());
  const client = await RegistryClient.signIn(app, 'admin01', DEMO_PASSWORD);

  const institutionIds = new Map<InstitutionKey, string>();
  for (const institution of DEMO_INSTITUTIONS) {
    const uscc = syntheticUscc({ ...institution.uscc, regionCode: institution.regionCode, body: randomOrgCodeBody(random, institution.uscc.bodyPrefix) });
    const view = await client.call('POST', '/v1/institutions', {
      name: institution.name, uscc, type: institution.type, provinceCode: institution.provinceCode, filingReference: institution.filingReference,
    }, InstitutionView);
    institutionIds.set(institution.key, view.id);
  }
  const institutionId = (key: InstitutionKey): string => institutionIds.get(key) as string;
  progress(`demo: ${institutionIds.size} institutions`);

  const accountIds = new Map<string, string>([['admin01', admin.id]]);
  for (const account of DEMO_ACCOUNTS) {
    if (account.username === 'admin01') continue;
    const view = await client.call('POST', '/v1/accounts', {
      username: account.username, password: DEMO_PASSWORD, displayName: account.displayName, roles: account.roles,
      institutionId: account.institution ? institutionId(account.institution) : null,
    }, AccountView);
    accountIds.set(account.username, view.id);
    if (account.expert) {
      await client.call('PUT', `/v1/experts/${view.id}`, {
        status: 'approved',
        specialties: account.expert.specialties.map((s) => ({ occupationCode: DEMO_OCCUPATIONS[s.occupation].code, level: s.level })),
        affiliations: account.expert.affiliations.map(institutionId),
      }, ExpertView);
    }
  }
  progress(`demo: ${accountIds.size} accounts (password ${DEMO_PASSWORD})`);

  for (const scheme of Object.values(schemes)) await client.call('POST', '/v1/schemes', { scheme }, SchemeView);

  const planned = planPractitioners(names, regions);
  const practitioners: Array<PlannedPractitioner & { id: string; submittedCertificateId: string }> = [];
  let certificateCount = 0;
  for (const person of planned) {
    const view = await client.call('POST', '/v1/practitioners', { name: person.name, residentId: person.residentId, institutionId: institutionId(person.institution) }, PractitionerView);
    let submittedCertificateId = '';
    for (const certificate of person.certificates) {
      const occupation = DEMO_OCCUPATIONS[certificate.occupation];
      const made = await client.call('POST', '/v1/certificates', {
        practitionerId: view.id, number: certificate.number, kind: certificate.kind, occupationCode: occupation.code, occupationName: occupation.name,
        level: certificate.level, issuer: certificate.issuer, issueDate: certificate.issueDate,
      }, CertificateView);
      certificateCount += 1;
      if (certificate.submitted) submittedCertificateId = made.id;
    }
    practitioners.push({ ...person, id: view.id, submittedCertificateId });
  }
  progress(`demo: ${practitioners.length} practitioners, ${certificateCount} certificates`);

  // Eight submissions from each institution that trains people (24); each has its own generated video.
  const submitters = DEMO_INSTITUTIONS.filter((institution) => institution.practitioners > 0);
  const chosen = submitters.flatMap((institution) => practitioners.filter((p) => p.institution === institution.key).slice(0, 8));
  if (!app.hasDecorator('media')) throw new Error('demo: the registry has no media module (registry/media/routes.ts) to ingest videos with');
  const videos = await generateAndIngestDemoVideos(planDemoVideos(chosen.length), {
    db, blobs: app.media.blobs, queue: app.media.queue, scratchDir: join(dataDir, 'demo-scratch'), uploadedBy: admin.id, now, progress,
  });

  const experts = await client.call('GET', '/v1/experts', undefined, z.object({ experts: z.array(ExpertView) }));
  const expertByUsername = new Map(DEMO_ACCOUNTS.filter((a) => a.expert).map((a) => [a.username, experts.experts.find((e) => e.accountId === accountIds.get(a.username))]));
  let taskCount = 0;
  for (const [index, person] of chosen.entries()) {
    const occupation = DEMO_OCCUPATIONS[person.occupation];
    const scheme = schemes[person.occupation];
    const video = videos[index]!;
    const trainingStart = new Date(Date.UTC(2025, random.int(0, 5), random.int(1, 28)));
    const trainingEnd = new Date(trainingStart.getTime() + random.int(30, 90) * DAY_MS);
    let submission = await client.call('POST', '/v1/submissions', {
      practitionerId: person.id, certificateId: person.submittedCertificateId, schemeId: scheme.id, schemeVersion: scheme.version,
      training: { institutionId: institutionId(person.institution), hours: random.int(8, 30) * 8, periodFrom: trainingStart.toISOString().slice(0, 10), periodTo: trainingEnd.toISOString().slice(0, 10) },
      // as an institution does: name the uploaded original; the registry fills in what its ingest made
      videos: [{ originalSha256: video.originalSha256, proxySha256: null, frameTableSha256: null }],
    }, SubmissionView);
    const [named] = submission.videos;
    if (named?.proxySha256 !== video.proxySha256 || named.frameTableSha256 !== video.frameTableSha256) {
      throw new Error(`demo: the registry did not fill in the ingested proxy and frame table of ${video.originalSha256}`);
    }
    for (const to of ['validated', 'uploaded', 'submitted'] as const) {
      submission = await client.call('POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: submission.version }, SubmissionView);
    }
    const positionInInstitution = chosen.filter((p, i) => i <= index && p.institution === person.institution).length;
    if (positionInInstitution > 8 - UNASSIGNED_PER_INSTITUTION) continue;

    // The panel: the documented experts first, skipping anyone affiliated with this institution (the registry checks again).
    const panel = PANEL_PREFERENCE.filter((username) => {
      const expert = expertByUsername.get(username);
      return expert !== undefined && isEligibleReviewer(expert, occupation.code, scheme.level, submission.institutionId);
    }).slice(0, scheme.expertsPerSubmission);
    if (panel.length < scheme.expertsPerSubmission) throw new Error(`demo cast has too few eligible experts for ${person.institution}`);
    // a few tasks overdue, the rest due within two weeks, so the task list shows both
    const dueInDays = index % 7 === 3 ? -2 : 3 + (index % 12);
    const tasks = await client.call('POST', `/v1/submissions/${submission.id}/assignments`, {
      expertIds: panel.map((username) => accountIds.get(username)), dueDate: new Date(now().getTime() + dueInDays * DAY_MS).toISOString().slice(0, 10),
    }, ReviewTaskList);
    taskCount += tasks.tasks.length;
  }
  progress(`demo: ${chosen.length} submissions, ${taskCount} review tasks`);

  return {
    institutions: institutionIds.size, accounts: accountIds.size, practitioners: practitioners.length, certificates: certificateCount,
    schemes: Object.keys(schemes).length, submissions: chosen.length, reviewTasks: taskCount,
  };
}
