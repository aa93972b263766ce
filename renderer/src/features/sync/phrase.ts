import type { TFunction } from 'i18next';

/**
 * A message to show, kept apart from the language: an i18n key with its values (which may themselves be phrases,
 * e.g. a paused queue that quotes the registry's answer), or text that has no translation (an unknown code shown
 * as the engine wrote it, so support can still read it).
 */
export type Phrase =
  | { key: string; values?: Record<string, string | number | Phrase> }
  | { text: string };

export const phrase = (key: string, values?: Record<string, string | number | Phrase>): Phrase =>
  values ? { key, values } : { key };

export function say(t: TFunction, p: Phrase): string {
  if ('text' in p) return p.text;
  if (!p.values) return String(t(p.key as never));
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values)) values[name] = typeof value === 'object' ? say(t, value) : value;
  return String(t(p.key as never, values as never));
}

/** English fragments ("the task was withdrawn") read as sentences where they stand alone, e.g. in a table cell. */
export const asSentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
