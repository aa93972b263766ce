export * from './occupation-code';
export * from './skill-level';
