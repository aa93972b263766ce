import { residentIdCheckChar } from '../../../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../../../shared/domain/institution/uscc';
import { EXAMPLE_SCHEME_INPUT } from '../../../../shared/domain/scoring/example-scheme';
import type { LiveRegistry } from './registry';

let serial = Math.floor(Math.random() * 10_000);
const next = () => (serial += 1);

const residentId = (n: number) => {
  const first17 = `110105${`19${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}`}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const uscc = (n: number) => {
  const body = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91350100${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
};

export async function api<T>(registry: LiveRegistry, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, registry.url), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function signInToken(registry: LiveRegistry, username: string, password: string): Promise<string> {
  const response = await fetch(new URL('/v1/auth/sign-in', registry.url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  return String(((await response.json()) as { accessToken: string }).accessToken);
}

/** Approval for the example scheme's occupation (a level-2 specialty covers its level 3). */
export const APPROVED_FOR_EXAMPLE = { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [] };

export async function approveExperts(registry: LiveRegistry, admin: string, expertIds: readonly string[]): Promise<void> {
  for (const id of expertIds) await api(registry, admin, 'PUT', `/v1/experts/${id}`, APPROVED_FOR_EXAMPLE);
}

/** Who and what a submission is for: an institution with its coordinator, a practitioner with a certificate. */
export interface SubmissionParty {
  admin: string;
  coord: string;
  institutionId: string;
  practitionerId: string;
  certificateId: string;
}

/**
 * Over the registry's real HTTP API: an institution, its coordinator, a practitioner with a certificate for the
 * example scheme's occupation, and the example scheme itself (409 when an earlier world made it: fine).
 */
export async function submissionParty(registry: LiveRegistry, practitionerName = '李四'): Promise<SubmissionParty> {
  const admin = await registry.adminToken();
  const n = next();
  const institution = await api<{ id: string }>(registry, admin, 'POST', '/v1/institutions', {
    name: `机构${n}`, uscc: uscc(n), type: 'training_org', provinceCode: '35', filingReference: `F-${n}`,
  });
  const coordName = `coord${n}`;
  await registry.createAccount(coordName, ['coordinator'], 'coord-password-1', institution.id);
  const coord = await signInToken(registry, coordName, 'coord-password-1');
  const practitioner = await api<{ id: string }>(registry, coord, 'POST', '/v1/practitioners', { institutionId: institution.id, name: practitionerName, residentId: residentId(n) });
  const certificate = await api<{ id: string }>(registry, coord, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `C-${n}`, kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode,
    occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  });
  await fetch(new URL('/v1/schemes', registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ scheme: EXAMPLE_SCHEME_INPUT }),
  });
  return { admin, coord, institutionId: institution.id, practitionerId: practitioner.id, certificateId: certificate.id };
}

export type VideoRef = { originalSha256: string; proxySha256: string | null; frameTableSha256: string | null };

/** One submission of the party's practitioner, taken to `submitted` by the coordinator and assigned to exactly `expertIds`. */
export async function submitAndAssign(
  registry: LiveRegistry, party: SubmissionParty, expertIds: readonly string[], videos: readonly VideoRef[],
): Promise<{ submissionId: string; taskIds: Map<string, string> }> {
  const submission = await api<{ id: string; version: number }>(registry, party.coord, 'POST', '/v1/submissions', {
    practitionerId: party.practitionerId, certificateId: party.certificateId, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version,
    training: { institutionId: party.institutionId, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' }, videos,
  });
  let version = submission.version;
  for (const to of ['validated', 'uploaded', 'submitted']) {
    version = (await api<{ version: number }>(registry, party.coord, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version })).version;
  }
  const { tasks } = await api<{ tasks: { id: string; expertId: string }[] }>(registry, party.admin, 'POST', `/v1/submissions/${submission.id}/assignments`, { expertIds });
  if (tasks.length !== expertIds.length) throw new Error(`assignment of ${submission.id}: ${JSON.stringify(tasks)}`);
  return { submissionId: submission.id, taskIds: new Map(tasks.map((t) => [t.expertId, t.id])) };
}

/**
 * Over the registry's real HTTP API: an institution, a practitioner with a certificate, the example scheme, the given
 * expert accounts approved for the welder occupation, and one submitted submission assigned to exactly those experts.
 */
export async function assignedTasks(
  registry: LiveRegistry,
  expertIds: string[],
  videos: VideoRef[] = [],
): Promise<{ taskIds: Map<string, string>; admin: string; submissionId: string }> {
  const party = await submissionParty(registry);
  await approveExperts(registry, party.admin, expertIds);
  const { submissionId, taskIds } = await submitAndAssign(registry, party, expertIds, videos);
  return { taskIds, admin: party.admin, submissionId };
}
