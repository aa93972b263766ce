export * from './aspect';
export * from './marking-scheme';
export * from './points';
export * from './scheme-consistency';
export * from './veto-rule';
