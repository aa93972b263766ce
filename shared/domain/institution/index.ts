export * from './uscc';
export * from './institution';
