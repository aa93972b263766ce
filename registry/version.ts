export const REGISTRY_VERSION = '0.1.0';
