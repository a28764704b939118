// The sign step and the verify screen load on demand from the seal module
// (src/ui/parts.rs): the start screen does not fetch it, the verify screen does, the
// language switch reaches it, and a failed load is explained with a way to try again.
import { test, expect, openApp } from './fixtures.mjs';

const isSeal = (url) => /\/seal-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(url).pathname);

test('the start screen loads without the seal module; the verify screen fetches it and follows the language', async ({ guardedPage: page }) => {
  const fetched = [];
  page.on('request', (req) => fetched.push(req.url()));
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Jauna lieta' })).toBeVisible();
  expect(fetched.filter(isSeal)).toEqual([]);
  await expect(page.locator('link[href^="seal-"]')).toHaveCount(0);

  await page.getByRole('link', { name: 'Atvērt un pārbaudīt plāna failu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pārbaudīt plāna failu');
  expect(fetched.filter(isSeal).map((u) => new URL(u).pathname.replace(/-[0-9a-f]+/, '-*'))).toEqual(
    expect.arrayContaining(['/seal-*.js', '/seal-*_bg.wasm']),
  );
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

  test('a seal module that cannot be loaded is explained, and Try again loads it', async ({ page }) => {
    const uncaught = [];
    page.on('pageerror', (err) => uncaught.push(err.message));
    await page.route(/\/seal-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/#/verify');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Šo daļu neizdevās ielādēt');
    await expect(alert).toContainText('Jūsu lieta ir saglabāta šajā ierīcē.');
    // The rest of the app still works: the header and its language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(alert).toContainText('This part could not be loaded');

    await page.unroute(/\/seal-[0-9a-f]+_bg\.wasm$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(uncaught).toEqual([]);
  });

  test('a language switch while the module loads reaches it once it is there', async ({ guardedPage: page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/seal-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/#/verify');
    // A link straight to the verify screen fetches the module beside the app.
    await expect(page.locator('link[rel="modulepreload"][href^="seal-"]')).toHaveCount(1);
    await expect(page.locator('link[rel="preload"][href$="_bg.wasm"][href^="seal-"]')).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'Ielādē…' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
  });
});
