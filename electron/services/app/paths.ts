import { join } from 'node:path';

/** Downloaded videos live here; media:// and /media/ serve nothing outside it. */
export const mediaCacheDir = (dataDir: string): string => join(dataDir, 'media');
