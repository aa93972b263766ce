export * from './practitioner';
