import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DIALECTS, PASSWORD, bearer, registryHarness } from './support/harness';

describe.each(DIALECTS)('registry logs on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('never contain passwords, tokens or resident ID numbers', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const registry = await harness.start({ log: { level: 'trace', stream } });
    const admin = await registry.adminToken();
    const institution = await registry.app.inject({
      method: 'POST', url: '/v1/institutions', headers: bearer(admin),
      payload: { name: '测试职业培训学校', uscc: '91350100M000100Y43', type: 'training_org', provinceCode: '35', filingReference: 'F-1' },
    });
    const institutionId = (institution.json() as { id: string }).id;
    const coordinator = await registry.account(['coordinator'], { institutionId });
    const residentId = '11010519491231002X';
    const created = await registry.app.inject({
      method: 'POST', url: '/v1/practitioners', headers: bearer(coordinator.token),
      payload: { institutionId, name: '张三', residentId },
    });
    expect(created.statusCode).toBe(201);
    // An invalid request logs too (validation failures are where inputs tend to leak).
    await registry.app.inject({ method: 'POST', url: '/v1/practitioners', headers: bearer(coordinator.token), payload: { institutionId, name: '', residentId } });
    await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username: coordinator.username, password: 'wrong-password-77' } });

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('/v1/practitioners');
    for (const secret of [PASSWORD, 'wrong-password-77', 'admin-password-1', admin, coordinator.token, residentId, residentId.slice(0, 17)]) {
      expect(log).not.toContain(secret);
    }
  });
});
