export * from './cn-statutory-holidays';
export * from './working-days';
