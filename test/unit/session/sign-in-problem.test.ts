import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract/result';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { signInProblem } from '../../../renderer/src/features/session/sign-in-problem';
import type { SignInStep } from '../../../renderer/src/features/session/sign-in-flow';

const lookup = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

/** Every failure the session manager and the transport can return for the two channels the screen calls. */
const failures: Array<[SignInStep, AppError]> = [
  ['online', { code: 'UNAUTHORIZED', messageKey: 'errors.signIn.invalidCredentials' }],
  ['online', { code: 'FORBIDDEN', messageKey: 'errors.signIn.rateLimited' }],
  ['online', { code: 'OFFLINE', messageKey: 'errors.signIn.offlineFirstSignIn' }],
  ['online', { code: 'CONFLICT', messageKey: 'errors.signIn.accountChanged' }],
  ['online', { code: 'OFFLINE', messageKey: 'errors.offline' }],
  ['online', { code: 'UNAUTHORIZED', messageKey: 'errors.unauthorized' }],
  ['online', { code: 'INTERNAL', messageKey: 'errors.internal' }],
  ['online', { code: 'VALIDATION', messageKey: 'errors.validation', details: { issues: [{ path: ['password'], message: 'Too small', code: 'too_small' }] } }],
  ['offline', { code: 'UNAUTHORIZED', messageKey: 'errors.unlock.wrongPassword' }],
  ['offline', { code: 'NOT_FOUND', messageKey: 'errors.unlock.noLocalProfile' }],
  ['offline', { code: 'OFFLINE', messageKey: 'errors.offline' }],
];

describe('signInProblem', () => {
  it.each(failures)('has words in zh-CN and en-US for a failed %s step: %j', (step, error) => {
    const problem = signInProblem(step, error);
    const key = problem.key ?? error.messageKey;
    expect(typeof lookup(zhCN, key)).toBe('string');
    expect(typeof lookup(enUS, key)).toBe('string');
  });

  it('says an offline wrong password is the last online password, and puts the cursor there', () => {
    expect(signInProblem('offline', { code: 'UNAUTHORIZED', messageKey: 'errors.unlock.wrongPassword' }))
      .toEqual({ key: 'session.signIn.offlineWrongPassword', field: 'password' });
  });

  it('names the registry’s refusal of the password with the back end’s own key', () => {
    expect(signInProblem('online', { code: 'UNAUTHORIZED', messageKey: 'errors.signIn.invalidCredentials' }))
      .toEqual({ key: null, field: 'password' });
  });

  it('explains an unreachable registry for a user with no local profile', () => {
    expect(signInProblem('online', { code: 'OFFLINE', messageKey: 'errors.signIn.offlineFirstSignIn' }))
      .toEqual({ key: 'session.signIn.offlineNoProfile', field: null });
  });

  it('points a validation failure at its field', () => {
    const error: AppError = { code: 'VALIDATION', messageKey: 'errors.validation', details: { issues: [{ path: ['username'], message: 'x', code: 'too_small' }] } };
    expect(signInProblem('online', error)).toEqual({ key: 'session.signIn.validation', field: 'username' });
  });
});
