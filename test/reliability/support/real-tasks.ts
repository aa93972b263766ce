import { residentIdCheckChar } from '../../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../../shared/domain/institution/uscc';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import { uploadAndIngest } from '../../integration/sync/support/ingested-video';
import type { LiveRegistry } from '../../integration/sync/support/registry';
import { api, signInToken } from '../../integration/sync/support/review-world';

let serial = 20_000 + Math.floor(Math.random() * 9_000);

const residentId = (n: number) => {
  const first17 = `110105${`19${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}`}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const uscc = (n: number) => {
  const body = `MF${String(n).padStart(6, '0')}`;
  const first17 = `91350100${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
};

/**
 * `count` real review tasks for `expertId`, over the registry's real HTTP API: one institution, practitioner and
 * certificate, one video put through the registry's real ingest, and `count` submissions of it, each submitted and
 * assigned to exactly `expertId`. The `approved` experts (the given one plus any `others`) are approved for the example
 * scheme's occupation, so a conflict declared on one of these tasks is handed to one of `others` (or, with none, the
 * task is withdrawn). Submissions are made `concurrency` at a time to keep set-up short.
 */
export async function realTasksFor(
  registry: LiveRegistry, expertId: string, count: number, options: { others?: string[]; concurrency?: number } = {},
): Promise<string[]> {
  const originalSha256 = await uploadAndIngest(registry);
  const admin = await registry.adminToken();
  const n = (serial += 1);
  const institution = await api<{ id: string }>(registry, admin, 'POST', '/v1/institutions', {
    name: `故障机构${n}`, uscc: uscc(n), type: 'training_org', provinceCode: '35', filingReference: `FI-${n}`,
  });
  const coordName = `fcoord${n}`;
  await registry.createAccount(coordName, ['coordinator'], 'coord-password-1', institution.id);
  const coord = await signInToken(registry, coordName, 'coord-password-1');
  const practitioner = await api<{ id: string }>(registry, coord, 'POST', '/v1/practitioners', { institutionId: institution.id, name: '王五', residentId: residentId(n) });
  const certificate = await api<{ id: string }>(registry, coord, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `FC-${n}`, kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode,
    occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  });
  await fetch(new URL('/v1/schemes', registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ scheme: EXAMPLE_SCHEME_INPUT }),
  }); // 409 once it exists: fine
  for (const id of [expertId, ...(options.others ?? [])]) {
    await api(registry, admin, 'PUT', `/v1/experts/${id}`, { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [] });
  }

  const oneTask = async (): Promise<string> => {
    const submission = await api<{ id: string; version: number }>(registry, coord, 'POST', '/v1/submissions', {
      practitionerId: practitioner.id, certificateId: certificate.id, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version,
      training: { institutionId: institution.id, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
      videos: [{ originalSha256, proxySha256: null, frameTableSha256: null }],
    });
    let version = submission.version;
    for (const to of ['validated', 'uploaded', 'submitted']) {
      version = (await api<{ version: number }>(registry, coord, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version })).version;
    }
    const { tasks } = await api<{ tasks: { id: string; expertId: string }[] }>(registry, admin, 'POST', `/v1/submissions/${submission.id}/assignments`, { expertIds: [expertId] });
    const task = tasks.find((t) => t.expertId === expertId);
    if (!task || tasks.length !== 1) throw new Error(`assignment of ${submission.id}: ${JSON.stringify(tasks)}`);
    return task.id;
  };

  const taskIds: string[] = [];
  const concurrency = options.concurrency ?? 6;
  for (let done = 0; done < count; done += concurrency) {
    taskIds.push(...await Promise.all(Array.from({ length: Math.min(concurrency, count - done) }, oneTask)));
  }
  return taskIds;
}
