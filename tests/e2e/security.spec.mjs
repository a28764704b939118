// Security: the Content-Security-Policy allows no inline script or style, so markup typed
// into a field (or injected by a bug) runs nothing; the static server sends the security
// headers of scripts/csp.mjs, which README.md's nginx and Apache snippets repeat; a page on
// another origin that frames the app sees nothing of it, whether the host sends
// frame-ancestors/X-Frame-Options or not (the app itself refuses to run framed).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { test, expect, openApp } from './fixtures.mjs';
import { HEADERS, POLICY } from '../../scripts/csp.mjs';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const INJECTED = '<img src=x onerror="window.__ibInjected=1"><script>window.__ibInjected=2</script>';

/** Records every securitypolicyviolation event of every frame, from before any script. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__ibViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__ibViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
}
const violations = (page) => page.evaluate(() => window.__ibViolations);

/** A page on another loopback port (another origin, the same site) that frames `url`. */
async function framingSite(url) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html lang="en"><title>framing</title><h1>Another page</h1><iframe id="app" title="app" src="${url}" width="800" height="600"></iframe>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Stores a case with a telling pseudonym on the app's origin, as a user would. */
async function storeCase(page, pseudonym) {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await page.getByLabel('Bērna pseidonīms (lietas identifikators)').fill(pseudonym);
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row .case-title')).toHaveText(pseudonym);
}

test('markup with an inline handler typed into a field is kept as text and never runs', async ({ guardedPage: page }) => {
  await recordViolations(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  const pseudonym = page.getByLabel('Bērna pseidonīms (lietas identifikators)');
  await pseudonym.fill(INJECTED);
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  await page.reload();
  await expect(pseudonym).toHaveValue(INJECTED);
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row .case-title')).toHaveText(INJECTED);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__ibInjected)).toBeUndefined();
  // Nothing was blocked either: the app itself needs nothing the policy forbids.
  expect(await violations(page)).toEqual([]);
});

test('the policy blocks inline handlers and scripts even if markup got into the page', async ({ page }) => {
  await recordViolations(page);
  await openApp(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(POLICY);
  expect(meta).not.toContain('unsafe-inline');
  // As a bug that wrote user text as HTML would: the browser refuses the handler, the
  // script and the style attribute, and says so.
  await page.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = `${html}<p id="styled" style="color: rgb(255, 0, 0)">x</p>`;
    document.body.append(div);
    const script = document.createElement('script');
    script.textContent = 'window.__ibInjected = 3';
    document.body.append(script);
  }, INJECTED);
  // (Chromium may report one violation more than once: compare which directives.)
  await expect.poll(async () => [...new Set((await violations(page)).map((v) => v.directive))].sort()).toEqual(
    ['script-src-attr', 'script-src-elem', 'style-src-attr'],
  );
  expect(await page.evaluate(() => window.__ibInjected)).toBeUndefined();
  expect(await page.locator('#styled').evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
});

test('the server sends the security headers, the same that README.md gives for nginx and Apache', async ({ request, guardedPage: page }) => {
  expect(HEADERS['Content-Security-Policy']).toBe(`${POLICY}; frame-ancestors 'none'`);
  for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/no-such-file']) {
    const res = await request.get(path);
    const headers = res.headers();
    for (const [name, value] of Object.entries(HEADERS)) expect(headers[name.toLowerCase()], `${path}: ${name}`).toBe(value);
  }
  // The page's own policy is the header's without frame-ancestors (a meta tag cannot
  // carry it), and the page has nothing inline.
  await openApp(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(`${meta}; frame-ancestors 'none'`).toBe(HEADERS['Content-Security-Policy']);
  const html = await (await request.get('/index.html')).text();
  expect(html).not.toMatch(/<script\b[^>]*>[^<]/);
  expect(html).not.toMatch(/<style\b/);
  // README.md: the nginx snippet (add_header) and the Apache one (Header always set).
  const readme = await readFile(README, 'utf8');
  for (const [name, value] of Object.entries(HEADERS)) {
    expect(readme, `nginx: ${name}`).toContain(`add_header ${name} "${value}" always;`);
    expect(readme, `Apache: ${name}`).toContain(`Header always set ${name} "${value}"`);
  }
});

// No service worker in these two: a worker registered by the first visit would answer the
// frame's navigation from its cache (with the same headers), past the route below.
test.describe('framed', () => {
test.use({ serviceWorkers: 'block' });

test('a page on another origin that frames the app sees nothing of it', async ({ page, baseURL }) => {
  const appPage = await page.context().newPage();
  await storeCase(appPage, 'FRAMED-SECRET');
  await appPage.close();
  const site = await framingSite(`${baseURL}/`);
  const blocked = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') blocked.push(msg.text());
  });
  try {
    const answer = page.waitForResponse((res) => res.url() === `${baseURL}/`);
    await page.goto(site.url);
    const res = await answer;
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
    await page.waitForTimeout(1000);
    // The browser refused to show the page in the frame: no app, no case list.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeTruthy();
    expect(frame.url()).not.toBe(`${baseURL}/`);
    await expect(page.frameLocator('#app').locator('main')).toHaveCount(0);
    await expect(page.frameLocator('#app').getByText('FRAMED-SECRET')).toHaveCount(0);
    expect(blocked.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/);
  } finally {
    await site.close();
  }
});

test('framed by a host that sends no frame headers, the app shows a notice and mounts nothing', async ({ page, baseURL }) => {
  const appPage = await page.context().newPage();
  await storeCase(appPage, 'FRAMED-SECRET');
  await appPage.close();
  // A host without the headers: the app's responses with its frame headers removed.
  await page.context().route(`${baseURL}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    for (const name of ['content-security-policy', 'x-frame-options', 'content-encoding', 'content-length']) delete headers[name];
    await route.fulfill({ response, headers, body: await response.body() });
  });
  const site = await framingSite(`${baseURL}/`);
  try {
    await page.goto(site.url);
    const app = page.frameLocator('#app');
    await expect(app.locator('#framed h1')).toHaveText('IB plānotājs nedarbojas citas lapas ietvarā');
    await expect(app.locator('#framed h2')).toHaveText('IB planner does not run inside another page');
    await expect(app.locator('#framed a').first()).toHaveAttribute('href', `${baseURL}/`);
    await expect(app.locator('#boot')).toHaveCount(0);
    await expect(app.locator('#new-case, header, .case-row')).toHaveCount(0);
    await expect(app.getByText('FRAMED-SECRET')).toHaveCount(0);
    await expect(app.locator('main')).toHaveCount(1);
  } finally {
    await site.close();
  }
});
});
