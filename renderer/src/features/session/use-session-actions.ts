import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { osea } from '../../app/bridge/osea';
import { appErrorOf } from '../../app/query/invoke-error';
import { useMutationInvoke } from '../../app/query/use-invoke';
import { applySessionChange } from './session-cache';
import { signInOrUnlock, type Credentials, type SignInOutcome, type SignInStep } from './sign-in-flow';

/** Sign in online, or unlock offline when the registry is away; `step` says which attempt is running. */
export function useSignIn(onOutcome: (outcome: SignInOutcome) => void) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<SignInStep | null>(null);
  const mutation = useMutation({
    mutationFn: (credentials: Credentials): Promise<SignInOutcome> =>
      signInOrUnlock((channel, input) => osea.invoke(channel, input), credentials, setStep)
        // The bridge resolves every failure to a Result; anything thrown is a bug, still shown as a failed sign-in.
        .catch((error: unknown) => ({ kind: 'failed', step: 'online', error: appErrorOf(error) })),
    onSuccess: (outcome) => {
      // The message first: once the session is set this screen is gone.
      onOutcome(outcome);
      if (outcome.kind === 'signedIn') applySessionChange(queryClient, outcome.profile);
    },
    onSettled: () => setStep(null),
  });
  return { signIn: mutation.mutate, pending: mutation.isPending, step };
}

/** Lock the workstation (`forget` also revokes this machine's sign-in at the registry and deletes its tokens). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutationInvoke('session.signOut', {
    onSuccess: () => applySessionChange(queryClient, null),
  });
}
