// Load benchmark (a script, not a test): how fast the release build (dist/) shows a
// usable start screen on slow connections, cold and warm.
//
// Headless Chromium (Debian's, through Playwright) with Chrome DevTools Protocol network
// throttling, against dist/ served by scripts/static-server.mjs on loopback (so .br files
// are sent, as a host with brotli_static would). For each network profile:
//   cold: a fresh browser context (empty HTTP cache, no service worker) per run;
//   warm: one context whose service worker was installed by an earlier visit; every
//         run opens a new page in it, so everything comes from the worker's cache.
// Each run records first paint and first contentful paint (Paint Timing) and the time
// until the start screen is interactive: the wasm app has mounted and the "#new-case"
// button is in the page, visible, enabled and painted (the later of the button's
// appearance and first contentful paint). All times are from navigation start.
// Then, cold only, the same for opening the verify screen straight from a link
// (`#/verify`): the app and the verify screen's wasm chunks, which the page preloads
// beside the app (src/ui/parts.rs, scripts/build.mjs), until the verify screen's heading
// is painted (with service workers blocked, so that the chunks come over the throttled
// network).
// Prints the median (and min–max) of the runs.
//
// Usage: node scripts/load-bench.mjs [--runs 5] [--dist dist]
// Build first: bash scripts/build.sh. Nothing leaves 127.0.0.1.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(option('runs', '5')));
const DIST = option('dist', fileURLToPath(new URL('../dist', import.meta.url)));
const SERVER = fileURLToPath(new URL('./static-server.mjs', import.meta.url));

const PROFILES = [
  { name: '400 kbit/s, 400 ms RTT', down: 400_000, up: 400_000, rtt: 400 },
  { name: '1.6 Mbit/s, 150 ms RTT', down: 1_600_000, up: 750_000, rtt: 150 },
];

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Runs in the page before any of its scripts: notes when the element `id` (the start
// screen's first action) is present, visible and enabled (the wasm app has rendered it).
function watchReady(id) {
  const ready = () => {
    const button = document.getElementById(id);
    if (!button || button.disabled) return false;
    const box = button.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    window.__ibReady = performance.now();
    return true;
  };
  new MutationObserver((_, observer) => {
    if (ready()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function serve(root) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER, '--root', root, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('is served at') && resolve());
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

async function throttle(page, profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rtt,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
}

/** One page load; returns { fp, fcp, ready, bytes } in ms (bytes: transferred). */
async function measure(page, url, profile) {
  await throttle(page, profile);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => window.__ibReady !== undefined, null, { timeout: 120_000, polling: 50 });
  // The button is in the page; wait for the frame that paints it.
  await page.waitForFunction(
    () => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'),
    null,
    { timeout: 30_000, polling: 50 },
  );
  return page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      fp: paint['first-paint'] ?? NaN,
      fcp: paint['first-contentful-paint'] ?? NaN,
      // Interactive: the button is mounted, visible and enabled, and painted.
      ready: Math.max(window.__ibReady, paint['first-contentful-paint'] ?? 0),
      mounted: window.__ibReady,
      bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
    };
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  if (!existsSync(`${DIST}/index.html`) || !existsSync(`${DIST}/sw.js`)) {
    console.error(`load-bench: ${DIST} has no release build (bash scripts/build.sh)`);
    process.exit(2);
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (const profile of PROFILES) {
      const cold = [];
      for (let i = 0; i < RUNS; i += 1) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        await context.addInitScript(watchReady, 'new-case');
        const page = await context.newPage();
        cold.push(await measure(page, server.url, profile));
        await context.close();
      }
      results.push({ profile: profile.name, mode: 'cold', runs: cold });

      // No service worker here: its precache requests are not throttled and would put the
      // chunks in the HTTP cache before the page asks for them.
      const verify = [];
      for (let i = 0; i < RUNS; i += 1) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
        await context.addInitScript(watchReady, 'verify-title');
        const page = await context.newPage();
        verify.push(await measure(page, `${server.url}#/verify`, profile));
        await context.close();
      }
      results.push({ profile: profile.name, mode: 'cold, #/verify (app + verify chunks)', runs: verify });

      // Warm: one earlier visit installs the service worker; then every page load is
      // served from its cache (the throttled network is only used for the update check).
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.addInitScript(watchReady, 'new-case');
      const first = await context.newPage();
      await first.goto(server.url);
      await first.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
        timeout: 30_000,
      });
      await first.close();
      const warm = [];
      for (let i = 0; i < RUNS; i += 1) {
        const page = await context.newPage();
        warm.push(await measure(page, server.url, profile));
        const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
        if (!controlled) throw new Error('warm run not controlled by the service worker');
        await page.close();
      }
      await context.close();
      results.push({ profile: profile.name, mode: 'warm (service worker)', runs: warm });
    }
  } finally {
    await browser.close();
    server.stop();
  }

  const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
  const cell = (runs, key) => {
    const xs = runs.map((r) => r[key]).filter(Number.isFinite);
    if (xs.length === 0) return 'n/a';
    return `${ms(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
  };
  const header = ['network', 'load', 'first paint', 'first contentful paint', 'screen interactive', 'transferred'];
  const rows = results.map((r) => [
    r.profile,
    r.mode,
    cell(r.runs, 'fp'),
    cell(r.runs, 'fcp'),
    cell(r.runs, 'ready'),
    `${(median(r.runs.map((x) => x.bytes)) / 1000).toFixed(1)} kB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nLoad benchmark: median (min–max) of ${RUNS} runs each, headless Chromium, 360×740 viewport.\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
