import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../renderer/src/features/review/throttle';

describe('task list refresh throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a burst once, never closer than the interval, and always after the last request', () => {
    const runs: number[] = [];
    const refresh = throttle(() => runs.push(Date.now()), 2000);
    const start = Date.now();
    refresh.request();
    vi.advanceTimersByTime(0);
    expect(runs).toEqual([start]);
    // 50 progress events over 5 s (one every 100 ms)
    for (let i = 0; i < 50; i += 1) {
      refresh.request();
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(5000);
    const gaps = runs.slice(1).map((at, i) => at - (runs[i] as number));
    expect(runs.length).toBe(4);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000);
    // the last request (at +4.9 s) is followed by a run
    expect(runs.at(-1)).toBeGreaterThanOrEqual(start + 4900);
  });

  it('cancel drops a scheduled run', () => {
    const run = vi.fn();
    const refresh = throttle(run, 2000);
    refresh.request();
    refresh.cancel();
    vi.advanceTimersByTime(3000);
    expect(run).not.toHaveBeenCalled();
  });
});
