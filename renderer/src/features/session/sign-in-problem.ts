import type { AppError } from '../../../../shared/contract/result';
import type { SignInStep } from './sign-in-flow';

export type SignInField = 'username' | 'password';

/** Sign-in texts written for this screen; every other failure is the back end's own key, translated as it is. */
export type SignInMessageKey =
  | 'session.signIn.offlineWrongPassword'
  | 'session.signIn.offlineNoProfile'
  | 'session.signIn.validation';

export interface SignInProblem {
  /** This screen's own wording, or null to translate the AppError's key (errors.signIn.*, errors.offline, …). */
  key: SignInMessageKey | null;
  /** The field to mark, so the cursor can go where the fix is typed. */
  field: SignInField | null;
}

/**
 * What a failed sign-in means to the person at the keyboard. An offline unlock's "wrong password" is not the
 * registry's: it is the password of the last online sign-in on this machine, and saying so saves a support call.
 */
export function signInProblem(step: SignInStep, error: AppError): SignInProblem {
  if (step === 'offline') {
    if (error.code === 'UNAUTHORIZED') return { key: 'session.signIn.offlineWrongPassword', field: 'password' };
    if (error.code === 'NOT_FOUND') return { key: 'session.signIn.offlineNoProfile', field: 'username' };
    return { key: null, field: null };
  }
  switch (error.code) {
    case 'VALIDATION':
      return { key: 'session.signIn.validation', field: firstField(error) };
    case 'OFFLINE':
      return error.messageKey === 'errors.signIn.offlineFirstSignIn'
        ? { key: 'session.signIn.offlineNoProfile', field: null }
        : { key: null, field: null };
    case 'UNAUTHORIZED':
      return { key: null, field: error.messageKey === 'errors.signIn.invalidCredentials' ? 'password' : null };
    default:
      return { key: null, field: null };
  }
}

function firstField(error: AppError): SignInField | null {
  const field = error.details?.issues?.[0]?.path[0];
  return field === 'username' || field === 'password' ? field : null;
}
