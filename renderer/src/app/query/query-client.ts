import { QueryClient } from '@tanstack/react-query';
import { InvokeError } from './invoke-error';

/**
 * Local calls either succeed or fail for a reason retrying will not fix (validation, missing row), so only an
 * unreachable host is retried, briefly. Data changes only through our own mutations and events, so no refetch on
 * window focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => error instanceof InvokeError && error.appError.code === 'OFFLINE' && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
