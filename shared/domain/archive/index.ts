export * from './archive';
export * from './archive-code';
