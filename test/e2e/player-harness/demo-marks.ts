import type { PlayerMark } from '../../../renderer/src/player';

/**
 * Marks the harness shows with `?marks=1`. The labels are Chinese on purpose: they stand for what an expert types,
 * so the marks strip is exercised with CJK text. Data lives in this .ts file because no .tsx file outside
 * renderer/src/i18n may contain CJK (test/unit/i18n/i18n-keys.test.ts).
 */
export const DEMO_MARKS: PlayerMark[] = [
  { id: 'm1', fromFrame: 12, toFrame: 20, label: '工具检查' },
  { id: 'm2', fromFrame: 48, toFrame: 70, label: '安全防护' },
  { id: 'm3', fromFrame: 95, toFrame: 99, label: 'J3' },
];
