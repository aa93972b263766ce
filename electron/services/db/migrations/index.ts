import type { Migration } from '../migration';
import { m0001Settings } from './0001_settings';
import { m0002Device } from './0002_device';

/** In order, append-only. */
export const migrations: readonly Migration[] = [m0001Settings, m0002Device];
