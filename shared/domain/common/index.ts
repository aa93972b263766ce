export * from './entity-id';
export * from './iso-date';
export * from './province-codes';
