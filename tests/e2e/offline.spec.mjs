// Offline and updates: after one online visit the app starts and works with the network
// off; the web app manifest is linked, valid and installable; a new build is announced
// and the user chooses when to reload, and stored data survives the update.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { ensureIbplan, ibplanVerify, openStep } from './flow-helpers.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SERVER = fileURLToPath(new URL('../../scripts/static-server.mjs', import.meta.url));

/** Waits until a service worker controls the page (it claims the page on first install). */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 15_000,
  });
}

test('after one online visit the app starts and works with the network off', async ({ guardedPage: page, context }) => {
  await openApp(page);
  // The loading splash of index.html is gone once the app has mounted.
  await expect(page.locator('#boot')).toHaveCount(0);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    // Offline: no request may reach the network; everything comes from the precache.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
    await expect(page.locator('#new-case')).toBeEnabled();

    // Complete a step: switch the language (stored on the device) and start a new case.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('#new-case').click();
    await expect(page).toHaveURL(/#\/case\//);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Start a support plan');

    // A deep link reloads offline too (the hash router, index.html from the cache).
    await page.reload();
    await expect(page).toHaveURL(/#\/case\//);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Start a support plan');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // And home again.
    await page.locator('header .brand').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');

    // Files the app does not load itself are precached as well.
    const offlineFiles = await page.evaluate(async () => {
      const out = {};
      for (const path of ['manifest.webmanifest', 'data/catalogue.json', 'schema/ib-plan-1.schema.json', 'icons/icon-512.png']) {
        const res = await fetch(path);
        out[path] = res.status;
      }
      return out;
    });
    for (const status of Object.values(offlineFiles)) expect(status).toBe(200);
  } finally {
    await context.setOffline(false);
  }
});

test('offline after one visit: open the example case, sign as the parent and download the plan', async ({ guardedPage: page, context }) => {
  await openApp(page);
  await expect(page.locator('#boot')).toHaveCount(0);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
    await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
    await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');

    // The Sign step through the step list (folded into a menu on phones).
    await openStep(page, 'Paraksti un eksports');

    // Signing makes a key on this device: no network needed.
    await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
    const parent = page.locator('li.participant', { has: page.getByRole('heading', { name: 'Vecāks (likumiskais pārstāvis)' }) });
    await expect(parent.locator('.status')).toContainText('Parakstīts — paraksts derīgs');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lejupielādēt plānu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('CESIS-2025-017-plan.json');
    const file = await download.path();
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect(doc.schema).toBe('ib-plan/1');
    // One proof: Data Integrity writes a single proof as an object, several as an array.
    const proofs = [doc.proof].flat();
    expect(proofs).toHaveLength(1);
    expect(proofs[0]).toMatchObject({ proofPurpose: 'assertionMethod', cryptosuite: 'eddsa-jcs-2022' });
    ensureIbplan();
    const cli = ibplanVerify(file);
    expect(cli.code, cli.out).toBe(0);
  } finally {
    await context.setOffline(false);
  }
});

/** Reads width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the web app manifest is linked, valid and makes the app installable', async ({ guardedPage: page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const res = await request.get(href);
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: 'IB plānotājs',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#1d4f91',
    lang: 'lv',
  });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  const themeMeta = await page.locator('meta[name="theme-color"]').getAttribute('content');
  expect(themeMeta).toBe(manifest.theme_color);

  // PNG icons of 192 and 512 pixels, and a maskable one, each the size it claims.
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  for (const icon of pngs) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toBe('image/png');
    const { width, height } = pngSize(await file.body());
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
  const sizes = pngs.map((icon) => icon.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true);

  // Chromium's own verdict: the manifest parses without error.
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors, JSON.stringify(parsed.errors)).toEqual([]);
  expect(parsed.url).toMatch(/\/manifest\.webmanifest$/);
});

test('Chromium finds nothing that stops installing the app', async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop-1280', 'installability does not depend on the viewport');
  // Playwright's contexts count as incognito, where Chromium never installs apps: this
  // check needs a browser profile on disk.
  const profile = await mkdtemp(join(tmpdir(), 'ib-planner-profile-'));
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launchOptions.executablePath,
    args: launchOptions.args,
    baseURL,
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await openApp(page);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    // Installability is judged once the manifest and worker are seen; poll briefly.
    let errors = null;
    for (let i = 0; i < 20; i += 1) {
      ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
      if (errors.length === 0) break;
      await page.waitForTimeout(250);
    }
    expect(errors, JSON.stringify(errors)).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

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

/** Serves `root` with the project's static server on a free loopback port. */
async function serve(root) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER, '--root', root, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('is served at')) resolve();
    });
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Turns the copy of the build into the "next" build: a changed sw.js (and its .br/.gz). */
async function publishNextBuild(root) {
  const path = join(root, 'sw.js');
  const source = await readFile(path, 'utf8');
  const match = source.match(/const BUILD_VERSION = "([^"]+)";/);
  expect(match, 'sw.js names its build version').not.toBeNull();
  const next = source.replace(match[0], `const BUILD_VERSION = "${match[1]}-next";`);
  await writeFile(path, next);
  await writeFile(`${path}.br`, brotliCompressSync(Buffer.from(next)));
  await writeFile(`${path}.gz`, gzipSync(Buffer.from(next)));
  return `${match[1]}-next`;
}

test('a new build is announced, the user chooses when to reload, and stored data survives', async ({ page }) => {
  // Its own copy of the build on its own port, so the "next build" never touches dist/;
  // under a sub-path, as on a municipality's existing web server.
  const root = await mkdtemp(join(tmpdir(), 'ib-planner-update-'));
  const appDir = join(root, 'soc', 'ib-planotajs');
  await cp(DIST, appDir, { recursive: true });
  const server = await serve(root);
  const appUrl = `${server.origin}/soc/ib-planotajs/`;
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(server.origin)) problems.push(`request to another origin: ${req.url()}`);
  });
  try {
    await page.goto(appUrl);
    await expect(page.locator('main h1')).toBeVisible();
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    expect(scope).toBe(appUrl);

    // Work in progress on this device: English chosen, a new case started.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#new-case').click();
    await expect(page).toHaveURL(/#\/case\//);
    const draftUrl = page.url();
    const stored = await page.evaluate(() => ({ ...localStorage }));
    expect(stored['ib-planner/lang']).toBe('en');
    expect(Object.keys(stored).some((key) => key.startsWith('ib-planner/case/'))).toBe(true);

    // No update yet: no banner after a reload.
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
    const banner = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await expect(page.locator('#update-reload')).toHaveCount(0);

    // The next build is published. The user opens the app again and is told, politely.
    const nextVersion = await publishNextBuild(appDir);
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner).toContainText('Your cases and drafts on this device are kept.');
    await expect(page.locator('#update-banner')).toHaveAttribute('aria-live', 'polite');
    // Nothing reloads on its own: the old build keeps running until the user chooses.
    await page.waitForTimeout(500);
    await expect(banner).toBeVisible();
    expect(page.url()).toBe(draftUrl);
    await expectNoAxeViolations(page);

    // The user chooses to reload: the waiting worker takes over and the page reloads.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('#update-reload')).toHaveCount(0);
    expect(page.url()).toBe(draftUrl);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // The new build controls the page, only its cache is left, and the data is intact.
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        caches: await caches.keys(),
        waiting: registration ? registration.waiting !== null : null,
        storage: { ...localStorage },
      };
    });
    expect(after.waiting).toBe(false);
    expect(after.caches).toHaveLength(1);
    expect(after.caches[0].endsWith(`:${nextVersion}`)).toBe(true);
    for (const [key, value] of Object.entries(stored)) expect(after.storage[key], key).toBe(value);
    expect(problems, problems.join('\n')).toEqual([]);
  } finally {
    server.stop();
    await rm(root, { recursive: true, force: true });
  }
});
