export * from './expert';
