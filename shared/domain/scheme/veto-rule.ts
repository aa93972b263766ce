import { z } from 'zod';
import { SchemeItemId } from './points';

const vetoBase = { id: SchemeItemId, title: z.string().trim().min(1).max(200) };

/** 否决项: applied only with a frame-range evidence clip (see review/mark-sheet.ts). */
export const VetoRule = z.discriminatedUnion('effect', [
  z.object({ ...vetoBase, effect: z.literal('zero_aspect'), aspectId: SchemeItemId }),
  z.object({ ...vetoBase, effect: z.literal('zero_criterion'), criterionId: SchemeItemId }),
  z.object({ ...vetoBase, effect: z.literal('fail_all') }),
]);
export type VetoRule = z.infer<typeof VetoRule>;
export type VetoEffect = VetoRule['effect'];
