import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../shared/contract/ipc';
import { osea } from '../bridge/osea';
import { InvokeError, unwrap } from './invoke-error';

/** Query keys start with the channel name so a mutation can invalidate everything read from one channel. */
export const invokeKey = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => [channel, input] as const;

type QueryOptions<C extends ChannelName> = Omit<
  UseQueryOptions<ChannelOutput<C>, InvokeError, ChannelOutput<C>, ReturnType<typeof invokeKey<C>>>,
  'queryKey' | 'queryFn'
>;

/** Read through the contract; an Err result becomes the query's error (an InvokeError holding the AppError). */
export function useInvoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, options?: QueryOptions<C>) {
  return useQuery({
    ...options,
    queryKey: invokeKey(channel, input),
    queryFn: async () => unwrap(await osea.invoke(channel, input)),
  });
}

type MutationOptions<C extends ChannelName> = Omit<
  UseMutationOptions<ChannelOutput<C>, InvokeError, ChannelInput<C>>,
  'mutationFn'
>;

/** Write through the contract; onSuccess only runs once the back end answered ok (i.e. after its commit). */
export function useMutationInvoke<C extends ChannelName>(channel: C, options?: MutationOptions<C>) {
  return useMutation({
    ...options,
    mutationFn: async (input: ChannelInput<C>) => unwrap(await osea.invoke(channel, input)),
  });
}
