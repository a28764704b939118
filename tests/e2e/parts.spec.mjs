// The case steps, the sign step and the verify screen load on demand as wasm chunks
// (src/ui/parts.rs, src/ui/lazy.rs): the start screen fetches none, the verify screen and
// the steps fetch theirs, the language switch reaches them, and a failed load is
// explained with a way to try again.
import { test, expect, openApp } from './fixtures.mjs';

const isChunk = (url) => /\/(split_\w+|chunk_\d+)-[0-9a-f]+\.wasm$/.test(new URL(url).pathname);
const isVerifyChunk = (url) => /\/split_verify-[0-9a-f]+\.wasm$/.test(new URL(url).pathname);
const VERIFY_CHUNK = /\/split_verify-[0-9a-f]+\.wasm$/;
const INTAKE_CHUNK = /\/split_intake-[0-9a-f]+\.wasm$/;

test('the start screen loads only its case-files chunk; the verify screen fetches its own and follows the language', async ({ guardedPage: page }) => {
  const fetched = [];
  page.on('request', (req) => fetched.push(req.url()));
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Jauna lieta' })).toBeVisible();
  // The case files, backups and storage use (issue 12) are the start screen's one chunk.
  await expect(page.locator('#storage-use')).toBeVisible();
  const ownChunks = () => fetched.filter(isChunk).map((u) => new URL(u).pathname.replace(/-[0-9a-f]+/, '-*')).filter((p) => p.startsWith('/split_'));
  expect([...new Set(ownChunks())]).toEqual(['/split_saves-*.wasm']);
  await expect(page.locator('link[href^="split_"]:not([href^="split_saves-"])')).toHaveCount(0);

  await page.getByRole('link', { name: 'Atvērt un pārbaudīt plāna failu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pārbaudīt plāna failu');
  expect(fetched.filter(isVerifyChunk).map((u) => new URL(u).pathname.replace(/-[0-9a-f]+/, '-*'))).toEqual([
    '/split_verify-*.wasm',
  ]);
  // The heading is focused once it exists, as after any navigation.
  await expect(page.locator('main h1')).toBeFocused();

  // The header's language switch reaches the loaded part.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
  await expect(page.getByRole('button', { name: 'Back to the list of cases' })).toBeVisible();

  // Leaving unmounts it; coming back mounts it again from the loaded module.
  await page.getByRole('button', { name: 'Back to the list of cases' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');
  await expect(page.locator('.part-host')).toHaveCount(0);
  await page.getByRole('link', { name: 'Open and verify a plan file' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
  await expect(page.locator('main h1')).toHaveCount(1);
});

test.describe('without a service worker', () => {
  // Requests a service worker answers never reach page.route.
  test.use({ serviceWorkers: 'block' });

  test('a chunk that cannot be loaded is explained, and Try again loads it', async ({ page }) => {
    const uncaught = [];
    page.on('pageerror', (err) => uncaught.push(err.message));
    await page.route(VERIFY_CHUNK, (route) => route.abort('internetdisconnected'));
    await page.goto('/#/verify');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Šo daļu neizdevās ielādēt');
    await expect(alert).toContainText('Jūsu lieta ir saglabāta šajā ierīcē.');
    // The rest of the app still works: the header and its language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(alert).toContainText('This part could not be loaded');

    await page.unroute(VERIFY_CHUNK);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(uncaught).toEqual([]);
  });

  test('a language switch while the chunk loads reaches it once it is there', async ({ guardedPage: page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(VERIFY_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/#/verify');
    // A link straight to the verify screen fetches its chunk beside the app.
    await expect(page.locator('link[rel="preload"][href^="split_verify-"]')).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'Ielādē…' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
  });

  test('a case step loads its chunk; when it cannot, the app stays alive and Try again shows the step', async ({ page }) => {
    const uncaught = [];
    page.on('pageerror', (err) => uncaught.push(err.message));
    const fetched = [];
    page.on('request', (req) => fetched.push(req.url()));
    await page.route(INTAKE_CHUNK, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await page.getByRole('button', { name: 'Jauna lieta' }).click();
    await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/child$/);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Šo daļu neizdevās ielādēt');
    // The workspace around the step still works: the step navigation, the header.
    await expect(page.getByRole('navigation', { name: 'Plāna soļi' })).toBeVisible();
    await page.unroute(INTAKE_CHUNK);
    await page.getByRole('button', { name: 'Mēģināt vēlreiz' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bērns');
    await page.getByLabel('Bērna pseidonīms (lietas identifikators)').fill('X-1');
    await expect(page.getByLabel('Bērna pseidonīms (lietas identifikators)')).toHaveValue('X-1');
    // The questionnaire is in the same chunk: no second fetch of it.
    await page.evaluate(() => { location.hash = location.hash.replace(/child$/, 'questionnaire'); });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vecāku anketa');
    expect(fetched.filter((u) => INTAKE_CHUNK.test(new URL(u).pathname)).length).toBe(2);
    expect(uncaught).toEqual([]);
  });

  test('a link straight to a step preloads that step\'s chunks beside the app', async ({ guardedPage: page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
    await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
    // The first page's own fetch of the plan chunk must be over before counting starts.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');
    const resultUrl = page.url();
    // A fresh load of the same address, as from a bookmark.
    const fetched = [];
    page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
    await page.goto('about:blank');
    await page.goto(resultUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');
    await expect(page.locator('link[rel="preload"][href^="split_plan-"]')).toHaveCount(1);
    await expect(page.locator('link[rel="preload"][href^="split_sign-"], link[rel="preload"][href^="split_verify-"]')).toHaveCount(0);
    expect(fetched.filter((p) => /\/split_plan-[0-9a-f]+\.wasm$/.test(p))).toHaveLength(1);
  });
});
