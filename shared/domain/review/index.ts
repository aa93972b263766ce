export * from './mark-sheet';
export * from './review-task';
export * from './validate-mark-sheet';
export * from './decision-payload';
