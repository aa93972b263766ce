import { RejectionReason } from '../../../../shared/contract/registry/sync';
import { zhCN } from '../../i18n/zh-CN';
import { phrase, type Phrase } from './phrase';

/**
 * The sync engine and the registry speak in codes (DESIGN §7); this turns each into a phrase of `sync.*` or, for
 * the registry's business rejections, of `review.rejection.*` (worded once, for the review screen too).
 * Anything unknown is shown as written rather than hidden.
 */

const rejectionCodes = new Set<string>(RejectionReason.options);

/** `task.withdrawn` has words when zh-CN (the source of truth, so en-US too) has review.rejection.task.withdrawn. */
function hasRejectionWords(code: string): boolean {
  const [group, name] = code.split('.');
  const groups = zhCN.review.rejection as Record<string, Record<string, string> | undefined>;
  return group !== undefined && name !== undefined && typeof groups[group]?.[name] === 'string';
}

/** Network error codes the engine reports (Node's cause codes, or `timeout`) that have their own wording. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'timeout', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
]);

/** The reason column of an op: a rejection from the registry, or why a pending op is waiting. */
export function opReasonPhrase(reason: string | null, state: 'pending' | 'inflight' | 'applied' | 'rejected'): Phrase | null {
  if (reason === null) return state === 'pending' ? phrase('sync.reason.waiting') : null;
  if (state === 'applied') return null;
  // A rejected op's reason is the registry's code, even one newer than this client's contract.
  if (state === 'rejected') return rejectionPhrase(reason) ?? phrase('sync.reason.rejectedCode', { code: reason });
  return problemPhrase(reason);
}

/**
 * `task.withdrawn` → review.rejection.task.withdrawn; a code of the contract that has no words yet still reads as a
 * rejection, naming the code; null for a code the registry contract does not list.
 */
export function rejectionPhrase(code: string): Phrase | null {
  if (!rejectionCodes.has(code)) return null;
  return hasRejectionWords(code) ? phrase(`review.rejection.${code}`) : phrase('sync.reason.rejectedCode', { code });
}

/**
 * A retry cause or `lastError`: `unreachable:ECONNREFUSED`, `badResponse:200:content type text/html`,
 * `http:503:UNAVAILABLE`, `offline:status 502`, `seqGap:expected 7`, `syncNow`, … (see sync-engine.ts describe()).
 */
export function problemPhrase(diagnostic: string): Phrase {
  if (diagnostic === 'syncNow' || diagnostic === 'resentAfterRegistryGap') return phrase(`sync.reason.${diagnostic}`);
  const [head, ...rest] = diagnostic.split(':');
  const tail = rest.join(':');
  switch (head) {
    case 'unreachable':
      return networkPhrase(tail);
    case 'offline':
      // The token keeper's words: a network code, or `status N` for a bad answer to the sign-in refresh.
      return /^status \d+$/.test(tail) ? phrase('sync.reason.tokenRefresh', { status: tail.slice(7) }) : networkPhrase(tail);
    case 'badResponse':
      return badResponsePhrase(tail);
    case 'http':
      return httpPhrase(tail);
    case 'seqGap': {
      const seq = /expected (\d+)/.exec(tail)?.[1];
      return seq ? phrase('sync.reason.seqGap', { seq }) : { text: diagnostic };
    }
    default:
      // The worker's own fault (a store error, a bug): reported, retried, never silent.
      return phrase('sync.reason.internal', { message: diagnostic });
  }
}

function networkPhrase(code: string): Phrase {
  return NETWORK_CODES.has(code) ? phrase(`sync.reason.unreachable.${code}`) : phrase('sync.reason.unreachable.other', { code: code || '?' });
}

function badResponsePhrase(detail: string): Phrase {
  if (detail === 'foreignResult' || detail === 'noResults' || detail === 'cursor') return phrase(`sync.reason.badResponse.${detail}`);
  const match = /^(\d{3}):(.*)$/.exec(detail);
  const status = match?.[1] ?? '';
  const why = match?.[2] ?? detail;
  const type = /^content type (.+)$/.exec(why)?.[1];
  if (type) return phrase('sync.reason.badResponse.contentType', { type: type === 'missing' ? '—' : type });
  if (why.startsWith('body is not JSON')) return phrase('sync.reason.badResponse.notJson');
  if (why.startsWith('schema')) return phrase('sync.reason.badResponse.schema');
  if (why === 'error body not in the registry format') return phrase('sync.reason.badResponse.errorFormat', { status });
  return phrase('sync.reason.badResponse.other', { detail: detail || '?' });
}

function httpPhrase(detail: string): Phrase {
  const [statusText = '', code = ''] = detail.split(':');
  const status = Number(statusText);
  if (status === 429) return phrase('sync.reason.http.busy');
  if (status === 408) return phrase('sync.reason.http.requestTimeout');
  if (status === 502 || status === 503 || status === 504) return phrase('sync.reason.http.unavailable', { status });
  if (status >= 500) return phrase('sync.reason.http.server', { status });
  return phrase('sync.reason.http.other', { status: statusText || '?', code: code === 'noBody' || !code ? '—' : code });
}

const BLOCKED_CODES = new Set([
  'signInRequired', 'seqAhead', 'seqBehindUnrecoverable', 'opIdConflict', 'deviceNotYours', 'forbidden', 'noProfile',
  'deviceKeyUnregistered',
]);

/** Why the queue stopped (`blockedReason`); `registryRefused:…` and `pullRefused:…` quote the answer in words. */
export function blockedPhrase(code: string): Phrase {
  if (BLOCKED_CODES.has(code)) return phrase(`sync.blocked.${code}`);
  const separator = code.indexOf(':');
  const head = separator < 0 ? code : code.slice(0, separator);
  if ((head === 'registryRefused' || head === 'pullRefused') && separator > 0) {
    return phrase(`sync.blocked.${head}`, { detail: problemPhrase(code.slice(separator + 1)) });
  }
  return phrase('sync.blocked.other', { code });
}

const KIND_KEYS: Record<string, string> = {
  'decision.submit': 'sync.kind.decisionSubmit',
  'task.declareConflict': 'sync.kind.taskDeclareConflict',
};

export function opKindPhrase(kind: string): Phrase {
  const key = KIND_KEYS[kind];
  return key ? phrase(key) : phrase('sync.kind.other', { kind });
}
