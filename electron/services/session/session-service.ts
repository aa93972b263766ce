import type { HandlerTable } from '../ipc/handler-table';

type SessionHandlers = Pick<HandlerTable, 'session.current'>;

/** Nobody is signed in until registry sign-in lands; the shell shows its signed-out state. */
export const createSessionService = (): SessionHandlers => ({
  'session.current': async () => ({ profile: null }),
});
