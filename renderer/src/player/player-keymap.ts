/**
 * The player's keyboard map (DESIGN §8), kept as data so the help overlay, the review screen and the tests read the
 * same table. Matching is on `KeyboardEvent.code` for letters (layout-independent: an expert on a Pinyin IME still
 * hits KeyJ) and on `key` for brackets/arrows where the physical position is what people learn.
 */
export type PlayerCommand =
  | 'togglePlay'
  | 'shuttleForward'
  | 'shuttleReverse'
  | 'stepBack'
  | 'stepForward'
  | 'jumpBack10'
  | 'jumpForward10'
  | 'setIn'
  | 'setOut'
  | 'previousMark'
  | 'nextMark'
  | 'toggleLoop'
  | 'slower'
  | 'faster'
  | 'firstFrame'
  | 'lastFrame'
  | 'cycleZoom';

/** The part of a KeyboardEvent the map needs; a plain object so the resolution is unit-testable without a DOM. */
export interface KeyInput {
  key: string;
  code: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface KeyBinding {
  command: PlayerCommand;
  /** Matches `KeyboardEvent.code` (physical key). */
  code: string;
  shift?: boolean;
  alt?: boolean;
  /** Ctrl on Linux/Windows, Cmd also accepted on macOS. */
  ctrl?: boolean;
  /** i18n key of the human label shown in the shortcut help. */
  labelKey: string;
  /** What the key looks like on the help card. */
  display: string;
}

export const PLAYER_KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'togglePlay', code: 'Space', labelKey: 'player.keys.togglePlay', display: 'Space' },
  // DESIGN §8 "Space/K play-pause": K toggles like Space (and, as in the JKL convention, stops a J/L shuttle).
  { command: 'togglePlay', code: 'KeyK', labelKey: 'player.keys.togglePlay', display: 'K' },
  { command: 'shuttleReverse', code: 'KeyJ', labelKey: 'player.keys.shuttleReverse', display: 'J' },
  { command: 'shuttleForward', code: 'KeyL', labelKey: 'player.keys.shuttleForward', display: 'L' },
  { command: 'stepBack', code: 'ArrowLeft', labelKey: 'player.keys.stepBack', display: '←' },
  { command: 'stepForward', code: 'ArrowRight', labelKey: 'player.keys.stepForward', display: '→' },
  { command: 'jumpBack10', code: 'ArrowLeft', shift: true, labelKey: 'player.keys.jumpBack10', display: 'Shift+←' },
  { command: 'jumpForward10', code: 'ArrowRight', shift: true, labelKey: 'player.keys.jumpForward10', display: 'Shift+→' },
  { command: 'setIn', code: 'KeyI', labelKey: 'player.keys.setIn', display: 'I' },
  { command: 'setOut', code: 'KeyO', labelKey: 'player.keys.setOut', display: 'O' },
  { command: 'previousMark', code: 'ArrowLeft', alt: true, labelKey: 'player.keys.previousMark', display: 'Alt+←' },
  { command: 'nextMark', code: 'ArrowRight', alt: true, labelKey: 'player.keys.nextMark', display: 'Alt+→' },
  { command: 'toggleLoop', code: 'KeyL', ctrl: true, labelKey: 'player.keys.toggleLoop', display: 'Ctrl+L' },
  { command: 'slower', code: 'BracketLeft', labelKey: 'player.keys.slower', display: '[' },
  { command: 'faster', code: 'BracketRight', labelKey: 'player.keys.faster', display: ']' },
  { command: 'firstFrame', code: 'Home', labelKey: 'player.keys.firstFrame', display: 'Home' },
  { command: 'lastFrame', code: 'End', labelKey: 'player.keys.lastFrame', display: 'End' },
  { command: 'cycleZoom', code: 'KeyZ', labelKey: 'player.keys.cycleZoom', display: 'Z' },
];

/** Where the key went: shortcuts are off while a text field has focus (DESIGN §8). */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  /** For <input>: only text-like types swallow keys; a checkbox or range does not. */
  inputType?: string;
}

const NON_TEXT_INPUT_TYPES = new Set(['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image']);

export function isTextEntryTarget(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUT_TYPES.has((target.inputType ?? 'text').toLowerCase());
  return false;
}

/** The command a key press means, or null when it is not ours (or typing is going on). Modifiers must match exactly. */
export function resolvePlayerCommand(input: KeyInput, target?: KeyTarget | null): PlayerCommand | null {
  if (isTextEntryTarget(target)) return null;
  const ctrl = input.ctrlKey || input.metaKey;
  for (const binding of PLAYER_KEY_BINDINGS) {
    if (binding.code !== input.code) continue;
    if (Boolean(binding.shift) !== input.shiftKey) continue;
    if (Boolean(binding.alt) !== input.altKey) continue;
    if (Boolean(binding.ctrl) !== ctrl) continue;
    return binding.command;
  }
  return null;
}
