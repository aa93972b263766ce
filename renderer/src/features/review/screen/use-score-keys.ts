import { useEffect } from 'react';

const SCORE_KEYS: Record<string, number> = { Digit0: 0, Digit1: 1, Digit2: 2, Digit3: 3, Numpad0: 0, Numpad1: 1, Numpad2: 2, Numpad3: 3 };

/** True while the user types into a field: shortcuts are off then (DESIGN §8). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
}

/** Keys 0–3 (row or keypad) score the focused judgement aspect (DESIGN §8). */
export function useScoreKeys(enabled: boolean, onScore: (score: number) => void): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTextEntry(event.target)) return;
      const score = SCORE_KEYS[event.code];
      if (score === undefined) return;
      event.preventDefault();
      onScore(score);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, onScore]);
}
