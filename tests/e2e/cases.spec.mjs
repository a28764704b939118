// Cases on the device: created, saved after every change, listed, duplicated, deleted
// with confirmation; unreadable stored data and failed saves are explained, never lost.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';

async function newCase(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bērns');
}

test('a new case keeps every keystroke across a reload and appears on the list', async ({ guardedPage: page }) => {
  await newCase(page);
  const pseudonym = page.getByLabel('Bērna pseidonīms (lietas identifikators)');
  await pseudonym.fill('RIGA-2026-001');
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  await page.getByLabel('Pašvaldība').selectOption({ index: 1 });
  const municipality = await page.getByLabel('Pašvaldība').inputValue();
  expect(municipality).not.toBe('');
  await page.reload();
  await expect(page.getByLabel('Pašvaldība')).toHaveValue(municipality);
  await expect(page.getByLabel('Bērna pseidonīms (lietas identifikators)')).toHaveValue('RIGA-2026-001');
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await expect(page.locator('.case-row .case-title')).toHaveText('RIGA-2026-001');
});

test('duplicate makes a second copy; delete asks first and cancel keeps the case', async ({ guardedPage: page }) => {
  await newCase(page);
  await page.getByLabel('Bērna pseidonīms (lietas identifikators)').fill('DUP-1');
  await page.locator('header .brand').click();
  await page.getByRole('button', { name: 'Dublēt lietu DUP-1' }).click();
  await expect(page.locator('.case-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Dzēst lietu DUP-1' }).first().click();
  await expect(page.getByText('Vai tiešām dzēst lietu DUP-1? To nevarēs atsaukt.')).toBeVisible();
  await page.getByRole('button', { name: 'Nē, paturēt' }).click();
  await expect(page.locator('.case-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Dzēst lietu DUP-1' }).first().click();
  await page.getByRole('button', { name: 'Jā, dzēst' }).click();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.case-row')).toHaveCount(1);
});

test('unreadable stored data is listed with a download, and the app still starts', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('ib-planner/case/broken', '{"format": "ib-planner-stored-case/1", "id": "bro'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sāciet atbalsta plānu');
  await expect(page.getByText('Nenolasāmi saglabāti dati')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('unreadable-broken.txt');
  // The broken text is still stored until the user deletes it.
  expect(await page.evaluate(() => localStorage.getItem('ib-planner/case/broken'))).toContain('"bro');
});

test('a failed save is explained at once and the case can be downloaded', async ({ guardedPage: page }) => {
  await newCase(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Bērna pseidonīms (lietas identifikators)').fill('FULL-1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Neizdevās saglabāt.');
  await expect(alert).toContainText('krātuve ir pilna');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lejupielādēt lietu kā failu' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('FULL-1-case.json');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(path, 'utf8'));
  expect(saved.format).toBe('ib-planner-stored-case/1');
  expect(saved.case.child.id).toBe('FULL-1');
});

test('continuing with missing answers shows an error summary linked to the fields', async ({ guardedPage: page }) => {
  await newCase(page);
  await page.getByRole('button', { name: 'Saglabāt un turpināt' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const firstLink = summary.locator('a').first();
  await firstLink.click();
  await expect(page.locator('.form-group-error input, .form-group-error select').first()).toBeFocused();
  await expectNoAxeViolations(page);
  // Pressing again moves on: a draft may be finished later.
  await page.getByRole('button', { name: 'Turpināt, aizpildīt vēlāk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vecāku anketa');
});

test('axe-core finds no violation on the case list and the child step', async ({ guardedPage: page }) => {
  await newCase(page);
  await expectNoAxeViolations(page);
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await expectNoAxeViolations(page);
});
