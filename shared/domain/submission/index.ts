export * from './submission-state';
export * from './submission';
