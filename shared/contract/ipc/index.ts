export * from './define';
export * from './channels';
export * from './events';
export * from './bridge';
export * from './web-transport';
