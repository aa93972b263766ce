export * from './aggregate-decisions';
export * from './apply-result';
export * from './aspect-award';
export * from './cents';
export * from './score-mark-sheet';
