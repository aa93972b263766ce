/**
 * A trailing throttle: the first request runs `run` once the previous run is `minIntervalMs` old (at once if it
 * is already); requests until then ride along with it. So a burst of events costs one run, and runs are never
 * closer than `minIntervalMs`, yet the last event is always followed by a run.
 */
export function throttle(run: () => void, minIntervalMs: number, now: () => number = Date.now): { request: () => void; cancel: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request: () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        last = now();
        run();
      }, Math.max(0, last + minIntervalMs - now()));
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
