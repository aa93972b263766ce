import { useEffect } from 'react';
import type { FrameController } from './frame-controller';
import { resolvePlayerCommand, type PlayerCommand } from './player-keymap';

/** What each command does; zoom lives in the component, everything else on the controller. */
function run(controller: FrameController, command: PlayerCommand, cycleZoom: () => void): void {
  switch (command) {
    case 'togglePlay': return controller.togglePlay();
    case 'shuttleForward': return controller.shuttleForward();
    case 'shuttleReverse': return controller.shuttleReverse();
    case 'stepBack': return controller.step(-1);
    case 'stepForward': return controller.step(1);
    case 'jumpBack10': return controller.step(-10);
    case 'jumpForward10': return controller.step(10);
    case 'setIn': return controller.setIn();
    case 'setOut': return controller.setOut();
    case 'previousMark': return controller.previousMark();
    case 'nextMark': return controller.nextMark();
    case 'toggleLoop': return controller.toggleLoop();
    case 'slower': return controller.slower();
    case 'faster': return controller.faster();
    case 'firstFrame': return controller.firstFrame();
    case 'lastFrame': return controller.lastFrame();
    case 'cycleZoom': return cycleZoom();
  }
}

/** Window-level shortcuts (the review screen has one player); off while a text field has focus. */
export function usePlayerKeys(controller: FrameController | null, enabled: boolean, cycleZoom: () => void): void {
  useEffect(() => {
    if (!controller || !enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = resolvePlayerCommand(event, target && {
        tagName: target.tagName,
        isContentEditable: target.isContentEditable,
        inputType: target instanceof HTMLInputElement ? target.type : undefined,
      });
      if (command === null) return;
      // Space would also "click" a focused button and Ctrl+L would reach the browser.
      event.preventDefault();
      run(controller, command, cycleZoom);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, enabled, cycleZoom]);
}
