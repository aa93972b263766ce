/** The frame-accurate player (DESIGN §8, issue 5): the component and the types screens use with it. */
export { FramePlayer, type FramePlayerHandle, type FramePlayerProps } from './frame-player';
export type { FrameControllerState, FramePhase } from './frame-controller';
export type { IntegrityProblem, IntegrityReason } from './frame-integrity';
export type { InOut, PlayerMark } from './mark-navigation';
export { PLAYER_KEY_BINDINGS } from './player-keymap';
