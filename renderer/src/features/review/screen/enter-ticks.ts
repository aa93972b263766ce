import type { KeyboardEvent } from 'react';

/**
 * Space belongs to the player (play/pause) even while a control has focus, so on the review screen Enter ticks a
 * focused checkbox or radio: scoring stays possible with the keyboard alone.
 */
export function enterTicks(event: KeyboardEvent): void {
  const target = event.target;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || (target.type !== 'checkbox' && target.type !== 'radio')) return;
  event.preventDefault();
  target.click();
}
