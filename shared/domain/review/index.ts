export * from './review-task';
