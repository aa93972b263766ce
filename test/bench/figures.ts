/** Bench scripts print one JSON line per figure: {"name","value","unit"} (DESIGN §12). */
export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toFixed(4)), unit, ...extra })}\n`);
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** High-resolution milliseconds for one run of `fn`. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Fields for a figure the issue gives a target for: `target` and whether this run met it (`atLeast` for rates,
 * `atMost` for durations), so a reader of the JSON lines needs no other document to judge a figure.
 */
export const atLeast = (value: number, target: number) => ({ target, meetsTarget: value >= target });
export const atMost = (value: number, target: number) => ({ target, meetsTarget: value <= target });
