/** Builds the player harness page with Vite's JS API (the same React plugin as the app's renderer build). */
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildPlayerHarness(outDir: string): Promise<void> {
  await build({
    root: here,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: resolve(outDir), emptyOutDir: true, sourcemap: false, minify: false, chunkSizeWarningLimit: 10_000 },
  });
}
