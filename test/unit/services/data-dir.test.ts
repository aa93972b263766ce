import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/services/app/data-dir';

describe('resolveDataDir', () => {
  it('prefers --data-dir, in both spellings', () => {
    expect(resolveDataDir(['--data-dir', 'a'], { OSEA_DATA_DIR: '/env' }, '/fallback')).toBe(resolve('a'));
    expect(resolveDataDir(['--data-dir=/b'], { OSEA_DATA_DIR: '/env' }, '/fallback')).toBe('/b');
  });
  it('then OSEA_DATA_DIR, then the platform default', () => {
    expect(resolveDataDir([], { OSEA_DATA_DIR: '/env' }, '/fallback')).toBe('/env');
    expect(resolveDataDir(['--port', '3'], {}, '/fallback')).toBe('/fallback');
  });
});
