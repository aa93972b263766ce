/**
 * The demo marker: a file in the data dir written last (atomically), saying the demo dataset there is complete.
 * Its presence is what makes a later `--demo` start skip generation.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DemoCounts } from './seed-demo';

export const DEMO_MARKER_FILE = 'demo-dataset.json';
/** Bumped when the dataset changes shape; an older marker is still honoured (we never regenerate over data). */
export const DEMO_DATASET_VERSION = 1;

export const DemoMarker = z.object({
  kind: z.literal('osea-demo-dataset'),
  datasetVersion: z.number().int().min(1),
  generationId: z.string().uuid(),
  generatedAt: z.string(),
  generationSeconds: z.number().nonnegative(),
  counts: DemoCounts,
});
export type DemoMarker = z.infer<typeof DemoMarker>;

/** The marker of a complete demo dataset in `dataDir`, or null (absent or unreadable: never trusted then). */
export async function readDemoMarker(dataDir: string): Promise<DemoMarker | null> {
  try {
    return DemoMarker.parse(JSON.parse(await readFile(join(dataDir, DEMO_MARKER_FILE), 'utf8')));
  } catch {
    return null;
  }
}

export async function writeDemoMarker(dataDir: string, counts: DemoCounts, generationSeconds: number, now: Date): Promise<DemoMarker> {
  const marker: DemoMarker = {
    kind: 'osea-demo-dataset', datasetVersion: DEMO_DATASET_VERSION, generationId: randomUUID(), generatedAt: now.toISOString(),
    generationSeconds, counts,
  };
  const temp = join(dataDir, `${DEMO_MARKER_FILE}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(marker, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dataDir, DEMO_MARKER_FILE));
  return marker;
}
