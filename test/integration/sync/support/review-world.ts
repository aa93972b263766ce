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

/**
 * Over the registry's real HTTP API: an institution, a practitioner with a certificate, the example scheme, the given
 * expert accounts approved for the welder occupation, and one submitted submission assigned to exactly those experts.
 */
export async function assignedTasks(
  registry: LiveRegistry,
  expertIds: string[],
  videos: { originalSha256: string; proxySha256: string | null; frameTableSha256: string | null }[] = [],
): Promise<{ taskIds: Map<string, string>; admin: string; submissionId: string }> {
  const admin = await registry.adminToken();
  const n = next();
  const institution = await api<{ id: string }>(registry, admin, 'POST', '/v1/institutions', {
    name: `机构${n}`, uscc: uscc(n), type: 'training_org', provinceCode: '35', filingReference: `F-${n}`,
  });
  const coordName = `coord${n}`;
  const coordId = await registry.createAccount(coordName, ['coordinator'], 'coord-password-1', institution.id);
  void coordId;
  const coord = await signInToken(registry, coordName, 'coord-password-1');
  const practitioner = await api<{ id: string }>(registry, coord, 'POST', '/v1/practitioners', { institutionId: institution.id, name: '李四', residentId: residentId(n) });
  const certificate = await api<{ id: string }>(registry, coord, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `C-${n}`, kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode,
    occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  });
  await fetch(new URL('/v1/schemes', registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ scheme: EXAMPLE_SCHEME_INPUT }),
  }); // 409 when an earlier world already made it: fine
  for (const id of expertIds) {
    await api(registry, admin, 'PUT', `/v1/experts/${id}`, { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [] });
  }
  const submission = await api<{ id: string; version: number }>(registry, coord, 'POST', '/v1/submissions', {
    practitionerId: practitioner.id, certificateId: certificate.id, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version,
    training: { institutionId: institution.id, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' }, videos,
  });
  let version = submission.version;
  for (const to of ['validated', 'uploaded', 'submitted']) {
    version = (await api<{ version: number }>(registry, coord, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version })).version;
  }
  const { tasks } = await api<{ tasks: { id: string; expertId: string }[] }>(registry, admin, 'POST', `/v1/submissions/${submission.id}/assignments`, { expertIds });
  return { taskIds: new Map(tasks.map((t) => [t.expertId, t.id])), admin, submissionId: submission.id };
}
