import type { z } from 'zod';
import { err, ok, ServiceError, type FieldIssue, type Result } from '../../../shared/contract/result';
import { ipcChannels, isChannelName, type ChannelName } from '../../../shared/contract/ipc';
import type { CallContext, Handler, HandlerTable } from './handler-table';
import { consoleLog, type Log } from './log';

export type Dispatch = (channel: unknown, rawInput: unknown, ctx: CallContext) => Promise<Result<unknown>>;

const toFieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
    code: issue.code,
  }));

/**
 * The one wrapper every transport (Electron IPC, web-mode HTTP) goes through: known channel, input parsed with the
 * contract's schema before any service runs, output checked on the way back, and every failure turned into a Result.
 * It never throws, so no transport can leak an unstructured error to the renderer.
 */
export function createDispatcher(handlers: HandlerTable, log: Log = consoleLog): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannelName(channel)) {
      return err({ code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel', details: { reason: describe(channel) } });
    }
    const contract = ipcChannels[channel];
    const parsed = contract.input.safeParse(rawInput);
    if (!parsed.success) {
      return err({ code: 'VALIDATION', messageKey: 'errors.validation', details: { issues: toFieldIssues(parsed.error) } });
    }
    try {
      // The table is keyed by channel, so this handler takes exactly this channel's parsed input.
      const handler = handlers[channel] as Handler<ChannelName>;
      const output = await handler(parsed.data as never, ctx);
      const checked = contract.output.safeParse(output);
      if (!checked.success) {
        log.error('ipc output failed its contract', { channel, issues: checked.error.issues.map((i) => i.path.join('.')) });
        return err({ code: 'INTERNAL', messageKey: 'errors.internal' });
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof ServiceError) {
        return err({ code: error.code, messageKey: error.messageKey, ...(error.details ? { details: error.details } : {}) });
      }
      // Log the error's class and message only: inputs may hold tokens or ID numbers and must not reach the log.
      log.error('ipc handler failed', { channel, error: error instanceof Error ? `${error.name}: ${error.message}` : typeof error });
      return err({ code: 'INTERNAL', messageKey: 'errors.internal' });
    }
  };
}

const describe = (value: unknown): string =>
  typeof value === 'string' ? value.slice(0, 100) : `(${typeof value})`;
