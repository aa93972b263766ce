export * from './resident-id';
