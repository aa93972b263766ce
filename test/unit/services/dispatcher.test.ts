import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, ipcChannels, type ChannelName } from '../../../shared/contract/ipc';
import { ServiceError } from '../../../shared/contract/result';
import { createDispatcher } from '../../../electron/services/ipc/dispatcher';
import type { HandlerTable } from '../../../electron/services/ipc/handler-table';
import type { Log } from '../../../electron/services/ipc/log';
import { createWorkstation, type Workstation } from '../../../electron/services/workstation';
import { tempDir } from './temp-dir';

const ctx = { transport: 'ipc' as const };

/** Records log lines so a test can assert what reached the log (and what did not). */
const capturingLog = () => {
  const lines: string[] = [];
  const log: Log = {
    info: (m, f) => lines.push(`${m} ${JSON.stringify(f ?? {})}`),
    warn: (m, f) => lines.push(`${m} ${JSON.stringify(f ?? {})}`),
    error: (m, f) => lines.push(`${m} ${JSON.stringify(f ?? {})}`),
  };
  return { log, lines };
};

/** The real handlers, each wrapped in a call counter, so "never reached the service" is observed, not assumed. */
function countingTable(handlers: HandlerTable): { table: HandlerTable; calls: Map<ChannelName, number> } {
  const calls = new Map<ChannelName, number>();
  const table = {} as Record<ChannelName, unknown>;
  for (const name of channelNames) {
    const real = handlers[name] as (input: unknown, c: typeof ctx) => Promise<unknown>;
    table[name] = (input: unknown, c: typeof ctx) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return real(input, c);
    };
  }
  return { table: table as HandlerTable, calls };
}

/** Objects shaped almost like the input (right keys, arbitrary values) find more edges than pure noise. */
function garbageFor(name: ChannelName): fc.Arbitrary<unknown> {
  const schema = ipcChannels[name].input;
  const shape = 'shape' in schema ? Object.keys((schema as unknown as { shape: object }).shape) : [];
  const nearMiss = shape.length
    ? fc.dictionary(fc.constantFrom(...shape, 'extra', '__proto__', 'constructor'), fc.anything(), { maxKeys: 4 })
    : fc.dictionary(fc.string(), fc.anything(), { minKeys: 1, maxKeys: 3 });
  return fc.oneof(fc.anything(), nearMiss).filter((value) => !schema.safeParse(value).success);
}

describe('dispatcher', () => {
  let dir: ReturnType<typeof tempDir>;
  let workstation: Workstation;

  beforeEach(() => {
    dir = tempDir();
    workstation = createWorkstation({
      dataDir: dir.path,
      mode: 'web',
      version: '9.9.9',
      openExternal: async () => true,
      quit: () => {},
      log: capturingLog().log,
    });
  });
  afterEach(() => {
    workstation.close();
    dir.remove();
  });

  it.each(channelNames)('rejects generated garbage for %s with VALIDATION and never calls the service', async (name) => {
    const { table, calls } = countingTable(workstation.handlers);
    const dispatch = createDispatcher(table, capturingLog().log);
    await fc.assert(
      fc.asyncProperty(garbageFor(name), async (garbage) => {
        const result = await dispatch(name, garbage, ctx);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          expect(result.error.messageKey).toBe('errors.validation');
          expect(result.error.details?.issues?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
    expect(calls.get(name) ?? 0).toBe(0);
  });

  it('reports zod issue paths', async () => {
    const dispatch = createDispatcher(workstation.handlers, capturingLog().log);
    const result = await dispatch('settings.update', { registryUrl: 'file:///etc/passwd' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['registryUrl'] }] } } });
  });

  it('passes valid input through to the real service', async () => {
    const { table, calls } = countingTable(workstation.handlers);
    const dispatch = createDispatcher(table, capturingLog().log);
    expect(await dispatch('app.ping', { echo: 'hi' }, ctx)).toEqual({ ok: true, value: { echo: 'hi' } });
    expect(await dispatch('app.info', {}, ctx)).toMatchObject({ ok: true, value: { version: '9.9.9', mode: 'web' } });
    expect(calls.get('app.ping')).toBe(1);
  });

  it.each([['no.such.channel'], ['__proto__'], ['toString'], [42], [null]])('answers UNKNOWN_CHANNEL for %s', async (name) => {
    const dispatch = createDispatcher(workstation.handlers, capturingLog().log);
    const result = await dispatch(name, {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('turns a plain Error into INTERNAL without throwing, and keeps the input out of the log', async () => {
    const { log, lines } = capturingLog();
    const dispatch = createDispatcher(
      {
        ...workstation.handlers,
        'app.ping': async () => {
          throw new Error('disk on fire');
        },
      },
      log,
    );
    const result = await dispatch('app.ping', { echo: 'secret-token-110105199001011234' }, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    expect(lines.join('\n')).toContain('disk on fire');
    expect(lines.join('\n')).not.toContain('secret-token');
  });

  it('maps a ServiceError to its own code and details', async () => {
    const dispatch = createDispatcher(
      {
        ...workstation.handlers,
        'session.current': async () => {
          throw new ServiceError('OFFLINE', 'errors.offline', { reason: 'registry unreachable' });
        },
      },
      capturingLog().log,
    );
    expect(await dispatch('session.current', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'OFFLINE', messageKey: 'errors.offline', details: { reason: 'registry unreachable' } },
    });
  });

  it('refuses an output that breaks the contract as INTERNAL', async () => {
    const dispatch = createDispatcher(
      // The cast is the point of the test: a service bug returning the wrong shape.
      { ...workstation.handlers, 'app.ping': (async () => ({ echo: 7 })) as unknown as HandlerTable['app.ping'] },
      capturingLog().log,
    );
    expect(await dispatch('app.ping', { echo: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('a bad settings update leaves the saved value intact', async () => {
    const dispatch = workstation.dispatch;
    await dispatch('settings.update', { registryUrl: 'https://registry.example.org', language: 'en-US' }, ctx);
    const bad = await dispatch('settings.update', { registryUrl: 'javascript:alert(1)', language: 'zh-CN' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch('settings.get', {}, ctx)).toEqual({
      ok: true,
      value: { registryUrl: 'https://registry.example.org', language: 'en-US', mediaQuotaGiB: 20 },
    });
  });

  it('a table missing a channel does not compile', () => {
    const { 'app.quit': _missing, ...partial } = workstation.handlers;
    // @ts-expect-error every channel needs its handler
    const incomplete: HandlerTable = partial;
    expect(Object.keys(incomplete)).not.toContain('app.quit');
  });

  it('opens only https links, through the injected opener', async () => {
    const opened: string[] = [];
    const electronMode = createWorkstation({
        dataDir: dir.path,
        mode: 'electron',
        version: '1.0.0',
        openExternal: async (url) => {
          opened.push(url);
          return true;
        },
        quit: () => {},
        log: capturingLog().log,
      });
    const dispatch = electronMode.dispatch;
    expect(await dispatch('app.openExternal', { url: 'https://osea.example.org/rules' }, ctx)).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['http://osea.example.org', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(await dispatch('app.openExternal', { url }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(opened).toEqual(['https://osea.example.org/rules']);
    electronMode.close();
  });
});
