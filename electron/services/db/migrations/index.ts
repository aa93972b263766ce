import type { Migration } from '../migration';
import { m0001Settings } from './0001_settings';
import { m0002Device } from './0002_device';
import { m0003Sync } from './0003_sync';
import { m0004MediaCache } from './0004_media_cache';
import { m0005Review } from './0005_review';

/** In order, append-only. */
export const migrations: readonly Migration[] = [m0001Settings, m0002Device, m0003Sync, m0004MediaCache, m0005Review];
