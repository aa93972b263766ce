import { z } from 'zod';

/** Opaque identifier assigned by the registry (UUID or similar); never parsed for meaning. */
export const EntityId = z.string().min(1).max(128);
export type EntityId = z.infer<typeof EntityId>;

/** Lowercase hex SHA-256, the content address of videos, proxies, frame tables and schemes. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256.format');
export type Sha256Hex = z.infer<typeof Sha256Hex>;
