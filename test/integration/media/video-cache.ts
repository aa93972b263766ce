import { join } from 'node:path';

/** Generated videos are cached here between test files and runs (ignored by git with the rest of test-results/). */
export const VIDEO_CACHE = join(process.cwd(), 'test-results', 'video-cache');
