// The app shell: it loads cleanly, speaks Latvian first, switches to English and
// remembers that, offers the two ways to begin, and passes axe-core.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';

test('loads in Latvian with the start screen and no error or foreign request', async ({ guardedPage: page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  await expect(page).toHaveTitle('IB plānotājs');
  await expect(page.locator('header .brand')).toHaveText('IB plānotājs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
  await expect(page.getByRole('button', { name: 'Jauna lieta' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Atvērt parauga lietu' })).toBeVisible();
});

test('the language switch changes all visible text and is remembered after reload', async ({ guardedPage: page }) => {
  await openApp(page);
  const latvian = await page.locator('body').innerText();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  const english = await page.locator('body').innerText();
  // No Latvian sentence of the start screen is left on the page.
  for (const line of latvian.split('\n').map((l) => l.trim()).filter((l) => l.length > 12)) {
    expect(english).not.toContain(line);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('IB planner');
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
});

test('both start actions open a case, and Back returns to the start screen', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bērns');
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/child$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await page.locator('header .brand').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
  await expect(page.locator('.case-row')).toHaveCount(2);
});

test('the start screen is keyboard-usable: skip link first, then the actions', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveClass(/skip-link/);
  await page.keyboard.press('Enter');
  // The parents' own way in comes first, then the team's new case (after the ranking
  // file picker between them).
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('id', 'parent-way');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('id', 'open-ranking-file');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('id', 'new-case');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bērns');
});

test('axe-core finds no WCAG 2.1 AA violation on the start screen, in both languages', async ({ guardedPage: page }) => {
  await openApp(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a support plan');
  await expectNoAxeViolations(page);
});
