import { afterAll, describe, expect, it } from 'vitest';
import { RejectionReason } from '../../../shared/contract/registry/sync';
import { asSentence, say, type Phrase } from '../../../renderer/src/features/sync/phrase';
import { blockedPhrase, opKindPhrase, opReasonPhrase, problemPhrase, rejectionPhrase } from '../../../renderer/src/features/sync/sync-reasons';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { i18n } from '../../../renderer/src/i18n/setup';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** Every key a phrase names (nested ones too) is a string in both languages. */
function keysOf(p: Phrase): string[] {
  if ('text' in p) return [];
  return [p.key, ...Object.values(p.values ?? {}).flatMap((v) => (typeof v === 'object' ? keysOf(v) : []))];
}

function expectTranslated(p: Phrase | null): void {
  expect(p).not.toBeNull();
  for (const key of keysOf(p!)) {
    expect(typeof lookup(zhCN, key), `zh-CN ${key}`).toBe('string');
    expect(typeof lookup(enUS, key), `en-US ${key}`).toBe('string');
  }
}

const inZh = (p: Phrase) => {
  void i18n.changeLanguage('zh-CN');
  return say(i18n.t, p);
};
const inEn = (p: Phrase) => {
  void i18n.changeLanguage('en-US');
  return say(i18n.t, p);
};

afterAll(() => void i18n.changeLanguage('zh-CN'));

describe('registry rejections', () => {
  it('every rejection code of the registry contract has words in both languages, from review.rejection where worded', () => {
    for (const code of RejectionReason.options) {
      const p = rejectionPhrase(code);
      expectTranslated(p);
      const worded = typeof lookup(zhCN, `review.rejection.${code}`) === 'string';
      expect(keysOf(p!)).toEqual([worded ? `review.rejection.${code}` : 'sync.reason.rejectedCode']);
    }
    // The ones the review screen words today are reused, not repeated under sync.
    for (const code of ['task.withdrawn', 'task.reassigned', 'task.staleVersion', 'decision.unknownKey', 'op.invalidPayload']) {
      expect(keysOf(rejectionPhrase(code)!)).toEqual([`review.rejection.${code}`]);
    }
  });

  it('a withdrawn task reads as such in zh-CN and en-US', () => {
    const p = opReasonPhrase('task.withdrawn', 'rejected')!;
    expect(inZh(p)).toBe('任务已被撤回');
    expect(asSentence(inEn(p))).toBe('The task was withdrawn');
  });

  it('a rejection code newer than this client still reads as a rejection, naming the code', () => {
    expect(rejectionPhrase('vote.closed')).toBeNull();
    expect(inZh(opReasonPhrase('vote.closed', 'rejected')!)).toBe('公示网拒收（vote.closed）');
    expect(inEn(opReasonPhrase('vote.closed', 'rejected')!)).toBe('Rejected by the registry (vote.closed)');
  });
});

describe('retry causes and last errors', () => {
  const cases: [string, string, string][] = [
    ['unreachable:ECONNREFUSED', 'sync.reason.unreachable.ECONNREFUSED', '拒绝连接'],
    ['unreachable:timeout', 'sync.reason.unreachable.timeout', '超时'],
    ['unreachable:UND_ERR_SOCKET', 'sync.reason.unreachable.other', 'UND_ERR_SOCKET'],
    ['offline:ECONNREFUSED', 'sync.reason.unreachable.ECONNREFUSED', '拒绝连接'],
    ['offline:status 502', 'sync.reason.tokenRefresh', '502'],
    ['badResponse:200:content type text/html; charset=utf-8', 'sync.reason.badResponse.contentType', 'text/html'],
    ['badResponse:200:body is not JSON (12 bytes)', 'sync.reason.badResponse.notJson', 'JSON'],
    ['badResponse:200:schema: Required', 'sync.reason.badResponse.schema', '格式不符'],
    ['badResponse:404:error body not in the registry format', 'sync.reason.badResponse.errorFormat', '404'],
    ['badResponse:foreignResult', 'sync.reason.badResponse.foreignResult', '忽略'],
    ['badResponse:noResults', 'sync.reason.badResponse.noResults', '没有返回'],
    ['badResponse:cursor', 'sync.reason.badResponse.cursor', '倒退'],
    ['http:503:UNAVAILABLE', 'sync.reason.http.unavailable', '503'],
    ['http:500:noBody', 'sync.reason.http.server', '500'],
    ['http:429:RATE_LIMITED', 'sync.reason.http.busy', '429'],
    ['http:408:TIMEOUT', 'sync.reason.http.requestTimeout', '408'],
    ['http:400:BAD_REQUEST', 'sync.reason.http.other', 'BAD_REQUEST'],
    ['seqGap:expected 7', 'sync.reason.seqGap', '7'],
    ['syncNow', 'sync.reason.syncNow', '立即同步'],
    ['resentAfterRegistryGap', 'sync.reason.resentAfterRegistryGap', '重新发送'],
    ['SQLITE_BUSY: database is locked', 'sync.reason.internal', 'SQLITE_BUSY'],
  ];

  it.each(cases)('%s → %s', (diagnostic, key, zhFragment) => {
    const p = problemPhrase(diagnostic);
    expectTranslated(p);
    expect('key' in p && p.key).toBe(key);
    expect(inZh(p)).toContain(zhFragment);
    expect(inEn(p)).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('a pending op with no cause yet is "waiting"; a synced op needs no reason', () => {
    expect(inZh(opReasonPhrase(null, 'pending')!)).toBe('等待发送');
    expect(opReasonPhrase(null, 'applied')).toBeNull();
    expect(opReasonPhrase('syncNow', 'applied')).toBeNull();
    expect(opReasonPhrase(null, 'rejected')).toBeNull();
  });
});

describe('blocked reasons', () => {
  it.each(['signInRequired', 'seqAhead', 'seqBehindUnrecoverable', 'opIdConflict', 'deviceNotYours', 'forbidden', 'noProfile', 'deviceKeyUnregistered'])(
    '%s has its own words',
    (code) => {
      const p = blockedPhrase(code);
      expectTranslated(p);
      expect('key' in p && p.key).toBe(`sync.blocked.${code}`);
    },
  );

  it('registryRefused and pullRefused quote the answer in words', () => {
    const refused = blockedPhrase('registryRefused:http:400:BAD_REQUEST');
    expectTranslated(refused);
    expect(inZh(refused)).toBe('公示网拒绝了同步请求：公示网返回 HTTP 400（BAD_REQUEST）');
    const pull = blockedPhrase('pullRefused:badResponse:403:error body not in the registry format');
    expectTranslated(pull);
    expect(inEn(pull)).toContain('HTTP 403');
  });

  it('an unknown code is still shown', () => {
    expect(inEn(blockedPhrase('somethingNew'))).toContain('somethingNew');
  });
});

describe('op kinds', () => {
  it('names the kinds the registry applies, and shows any other as written', () => {
    expect(inZh(opKindPhrase('decision.submit'))).toBe('提交评审意见');
    expect(inEn(opKindPhrase('task.declareConflict'))).toBe('Conflict of interest declared');
    expect(inEn(opKindPhrase('vote.cast'))).toBe('Other operation (vote.cast)');
  });
});
