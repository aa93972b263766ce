/**
 * Cold start of web mode to the first painted shell (issue 2): spawn `start-web` on a fresh data dir with an
 * unreachable registry, open the printed URL in Chromium, stop the clock when the first screen is painted: on a fresh
 * data dir nobody has signed in, so that is the sign-in card.
 * The renderer is brought up to date once beforehand (start-web would otherwise build it inside the first
 * measurement) and the browser is launched once, so the figure is the app's start, not Chromium's.
 */
import { chromium } from '@playwright/test';
import { startWebHost } from '../e2e/support/web-host';
import { emit, median } from './figures';

const RUNS = Number(process.env.OSEA_BENCH_COLD_START_RUNS ?? 5);

// start-web rebuilds the renderer when its sources are newer than out/; one unmeasured start makes sure that
// happens here and not inside the first measured run.
await (await startWebHost()).stop();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

const total: number[] = [];
const hostReady: number[] = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const host = await startWebHost();
    const ready = performance.now();
    // A fresh context per run: no cache, no cookie — a first visit, as after installing.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url, { waitUntil: 'commit' });
      await page.getByTestId('sign-in-page').waitFor({ state: 'visible', timeout: 60_000 });
      // The next animation frame after the card is in the DOM and visible is when it has been painted.
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
      const painted = performance.now();
      total.push(painted - started);
      hostReady.push(ready - started);
    } finally {
      await context.close();
      await host.stop();
    }
  }
} finally {
  await browser.close();
}

emit('web_cold_start_first_paint_ms', median(total), 'ms', { runs: RUNS, samples: total.map(Math.round) });
emit('web_cold_start_host_ready_ms', median(hostReady), 'ms', { runs: RUNS });
