import { describe, expect, it } from 'vitest';
import { PLAYER_KEY_BINDINGS, isTextEntryTarget, resolvePlayerCommand, type KeyInput } from '../../../renderer/src/player/player-keymap';

const key = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: '',
  code,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('player key map (DESIGN §8)', () => {
  it.each([
    ['Space', {}, 'togglePlay'],
    ['KeyK', {}, 'togglePlay'],
    ['KeyJ', {}, 'shuttleReverse'],
    ['KeyL', {}, 'shuttleForward'],
    ['ArrowLeft', {}, 'stepBack'],
    ['ArrowRight', {}, 'stepForward'],
    ['ArrowLeft', { shiftKey: true }, 'jumpBack10'],
    ['ArrowRight', { shiftKey: true }, 'jumpForward10'],
    ['KeyI', {}, 'setIn'],
    ['KeyO', {}, 'setOut'],
    ['ArrowLeft', { altKey: true }, 'previousMark'],
    ['ArrowRight', { altKey: true }, 'nextMark'],
    ['KeyL', { ctrlKey: true }, 'toggleLoop'],
    ['KeyL', { metaKey: true }, 'toggleLoop'],
    ['BracketLeft', {}, 'slower'],
    ['BracketRight', {}, 'faster'],
    ['Home', {}, 'firstFrame'],
    ['End', {}, 'lastFrame'],
  ] as const)('%s %o → %s', (code, mods, command) => {
    expect(resolvePlayerCommand(key(code, mods))).toBe(command);
  });

  it('needs the exact modifiers: Ctrl+→ and Shift+Alt+→ are not ours', () => {
    expect(resolvePlayerCommand(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(resolvePlayerCommand(key('ArrowRight', { shiftKey: true, altKey: true }))).toBeNull();
    expect(resolvePlayerCommand(key('KeyQ'))).toBeNull();
  });

  it('has no two bindings on the same key chord', () => {
    const chords = PLAYER_KEY_BINDINGS.map((b) => `${b.code}|${Boolean(b.shift)}|${Boolean(b.alt)}|${Boolean(b.ctrl)}`);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('is off while a text field has focus', () => {
    for (const target of [
      { tagName: 'INPUT', inputType: 'text' },
      { tagName: 'input' },
      { tagName: 'INPUT', inputType: 'search' },
      { tagName: 'TEXTAREA' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(isTextEntryTarget(target)).toBe(true);
      expect(resolvePlayerCommand(key('ArrowRight'), target)).toBeNull();
    }
  });

  it('stays on for buttons, checkboxes and plain elements', () => {
    for (const target of [{ tagName: 'BUTTON' }, { tagName: 'INPUT', inputType: 'checkbox' }, { tagName: 'DIV' }, null]) {
      expect(resolvePlayerCommand(key('ArrowRight'), target)).toBe('stepForward');
    }
  });
});
