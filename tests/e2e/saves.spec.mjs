// Failed saves, case files and backups (issue 12, item 2): with storage full, leaving a
// case asks first and the edit is saved on its own once space frees up; closing the tab
// asks through beforeunload; the app's own failed-save download (and the raw download of
// an unreadable entry that still holds a case) imports back with a preview, replacing a
// different version only when asked; a backup of every case restores the same cases; the
// start screen says how much storage is used and left, warns before it is full and
// reminds to back up after 30 days of edits. Also measures how many cases fit.
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { downloadInto, h1 } from './flow-helpers.mjs';

const PSEUDONYM = 'Bērna pseidonīms (lietas identifikators)';

async function newCase(page, pseudonym) {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(page)).toHaveText('Bērns');
  await page.getByLabel(PSEUDONYM).fill(pseudonym);
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
}

/** Fills localStorage to the last character with keys `filler/N`; returns their number. */
async function fillStorage(page) {
  return page.evaluate(() => {
    let chunk = 1 << 20;
    let n = 0;
    while (chunk >= 1) {
      try {
        localStorage.setItem(`filler/${n}`, 'x'.repeat(chunk));
        n += 1;
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
    return n;
  });
}

async function freeStorage(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler/')) localStorage.removeItem(key);
  });
}

/** Waits for the start screen's case-files part (a chunk of its own). */
async function openTools(page) {
  await expect(page.locator('#import-case-file')).toBeVisible();
}

/** The stored case entries, key → text. */
async function storedCases(page) {
  return page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('ib-planner/case/')).sort().map((k) => [k, localStorage.getItem(k)])),
  );
}

test('storage full: leaving asks and stay keeps the edit; freed space saves it with no keystroke; it is there after leaving and returning', async ({ guardedPage: page }) => {
  await newCase(page, 'FULL-2');
  expect(await fillStorage(page)).toBeGreaterThan(0);
  await page.getByLabel(PSEUDONYM).fill('FULL-2-LABOTS-PEC-PILNAS-KRATUVES');
  await expect(page.getByRole('alert').first()).toContainText('Neizdevās saglabāt.');

  // The header asks first; staying keeps the case and the edit.
  await page.locator('header .brand').click();
  const ask = page.locator('#leave-confirm');
  await expect(ask).toBeVisible();
  await expect(ask).toBeFocused();
  await expect(ask).toContainText('Pēdējās izmaiņas nav saglabātas');
  await expect(h1(page)).toHaveText('Bērns');
  await expectNoAxeViolations(page);
  await ask.getByRole('button', { name: 'Palikt lietā' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByLabel(PSEUDONYM)).toHaveValue('FULL-2-LABOTS-PEC-PILNAS-KRATUVES');

  // The browser's Back asks too, and the case stays on show.
  await page.goBack();
  await expect(page.locator('#leave-confirm')).toBeVisible();
  await expect(h1(page)).toHaveText('Bērns');
  expect(page.url()).toContain('#/case/');
  await page.getByRole('button', { name: 'Palikt lietā' }).click();

  // Space frees up (here: the filler is removed): the edit is saved without a keystroke.
  await freeStorage(page);
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Leaving no longer asks; coming back shows the edit.
  await page.locator('header .brand').click();
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  await expect(page.locator('.case-row .case-title')).toHaveText('FULL-2-LABOTS-PEC-PILNAS-KRATUVES');
  await page.getByRole('button', { name: 'Atvērt lietu FULL-2-LABOTS-PEC-PILNAS-KRATUVES' }).click();
  await expect(page.getByLabel(PSEUDONYM)).toHaveValue('FULL-2-LABOTS-PEC-PILNAS-KRATUVES');
});

test('closing the tab with an unsaved edit asks first (beforeunload)', async ({ guardedPage: page }) => {
  await newCase(page, 'CLOSE-1');
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel(PSEUDONYM).click();
  await page.getByLabel(PSEUDONYM).fill('CLOSE-1-NAV-SAGLABATS');
  await expect(page.getByRole('alert').first()).toContainText('Neizdevās saglabāt.');
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => {
    const type = d.type();
    await d.dismiss();
    resolve(type);
  }));
  await page.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');
  // Dismissed: the page and the edit are still there.
  await expect(page.getByLabel(PSEUDONYM)).toHaveValue('CLOSE-1-NAV-SAGLABATS');
});

test('the failed-save download imports back: a preview first, replacing a different version only when asked', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-saves-'));
  await newCase(page, 'IMP-1');
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel(PSEUDONYM).fill('IMP-1-JAUNAKS');
  await expect(page.getByRole('alert').first()).toContainText('Neizdevās saglabāt.');
  const { file } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt lietu kā failu' }), dir);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect(saved.format).toBe('ib-planner-stored-case/1');
  expect(saved.case.child.id).toBe('IMP-1-JAUNAKS');

  // Leave without saving (asked first): the device keeps the older version.
  await page.locator('header .brand').click();
  await page.getByRole('button', { name: 'Aiziet bez saglabāšanas' }).click();
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await expect(page.locator('.case-row .case-title')).toHaveText('IMP-1');

  // Import: the preview names both versions and which is newer; nothing changed yet.
  await openTools(page);
  await page.locator('#import-case-file').setInputFiles(file);
  const preview = page.locator('#saves-preview');
  await expect(preview).toBeFocused();
  await expect(preview).toContainText('Failā ir lieta IMP-1-JAUNAKS');
  await expect(preview).toContainText('Šeit ir cita šīs lietas versija,');
  await expect(preview).toContainText('Jaunāka ir faila versija.');
  await expect(page.locator('.case-row .case-title')).toHaveText('IMP-1');
  await expectNoAxeViolations(page);
  await preview.getByRole('button', { name: 'Aizstāt šeit esošo' }).click();
  await expect(page.locator('#saves-notice')).toContainText('Lieta IMP-1-JAUNAKS importēta.');
  await expect(page.locator('.case-row .case-title')).toHaveText('IMP-1-JAUNAKS');

  // The same file again: identical, nothing to do.
  await openTools(page);
  await page.locator('#import-case-file').setInputFiles(file);
  await expect(preview).toContainText('Šeit jau ir tieši tāda pati lieta.');
  await preview.getByRole('button', { name: 'Aizvērt' }).click();
  await expect(page.locator('.case-row')).toHaveCount(1);

  // The raw download of an unreadable entry that still holds a case imports as a new case.
  await page.evaluate((text) => localStorage.setItem('ib-planner/case/odd', text), JSON.stringify({
    format: 'ib-planner-stored-case/9', id: 'odd', case: { ...saved.case, child: { ...saved.case.child, id: 'ODD-1' } },
  }));
  await page.reload();
  await expect(page.getByText('Nenolasāmi saglabāti dati')).toBeVisible();
  const raw = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }), dir);
  await openTools(page);
  await page.locator('#import-case-file').setInputFiles(raw.file);
  await expect(preview).toContainText('Šajā ierīcē tās nav');
  await preview.getByRole('button', { name: 'Pievienot lietu' }).click();
  await expect(page.locator('.case-row .case-title')).toHaveText(['ODD-1', 'IMP-1-JAUNAKS']);

  // A file with a repeated key is refused, naming where.
  await openTools(page);
  await page.locator('#import-case-file').setInputFiles({
    name: 'dup.json', mimeType: 'application/json',
    buffer: Buffer.from('{"schema":"ib-case/1","child":{"id":"A","id":"B"}}'),
  });
  await expect(page.locator('#saves-notice')).toContainText('/child/id');
});

test('backup of all cases, then clear, then restore: the same cases; a changed case is replaced only when asked', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-saves-'));
  await newCase(page, 'BK-1');
  await page.locator('header .brand').click();
  await page.locator('#example-case').click();
  await expect(page.locator('nav.step-nav')).toBeVisible();
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row')).toHaveCount(2);
  const before = await storedCases(page);
  expect(Object.keys(before)).toHaveLength(2);

  const backup = await downloadInto(page, page.locator('#backup-all'), dir);
  expect(backup.name).toMatch(/^ib-planner-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.locator('#backup-notice')).toContainText('Kopija ar 2 lietām saglabāta');
  await expect(page.locator('#backup-notice')).toBeFocused();
  const text = await readFile(backup.file, 'utf8');
  expect(JSON.parse(text).format).toBe('ib-planner-backup/1');
  expect(text).not.toContain('secretKeyMultibase');
  expect(await page.evaluate(() => localStorage.getItem('ib-planner/last-backup'))).toMatch(/^\d{4}-/);

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('ib-planner/case/')) localStorage.removeItem(key);
  });
  await page.reload();
  await expect(page.locator('.case-row')).toHaveCount(0);

  await openTools(page);
  await page.locator('#restore-backup-file').setInputFiles(backup.file);
  const preview = page.locator('#saves-preview');
  await expect(preview).toBeFocused();
  await expect(preview).toContainText('2 lietas: jaunas — 2');
  await expectNoAxeViolations(page);
  await preview.getByRole('button', { name: 'Pievienot jaunās (2)' }).click();
  await expect(page.locator('#saves-notice')).toContainText('Atjaunotas lietas: 2.');
  await expect(page.locator('.case-row')).toHaveCount(2);
  expect(await storedCases(page)).toEqual(before);

  // A case changed since: the restore says so and asks before replacing it.
  const key = Object.keys(before).find((k) => before[k].includes('BK-1'));
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.case.child.id = 'BK-1-CITS';
    localStorage.setItem(key, JSON.stringify(stored));
  }, key);
  await page.reload();
  await openTools(page);
  await page.locator('#restore-backup-file').setInputFiles(backup.file);
  await expect(preview).toContainText('BK-1: šeit ir cita versija.');
  await expect(preview.getByRole('button', { name: /^Pievienot jaunās \(/ })).toHaveCount(0);
  expect((await storedCases(page))[key]).toContain('BK-1-CITS');
  await preview.getByRole('button', { name: 'Pievienot un aizstāt atšķirīgās (1)' }).click();
  await expect(page.locator('#saves-notice')).toContainText('Atjaunotas lietas: 1.');
  expect(await storedCases(page)).toEqual(before);
});

test('the start screen shows storage used and left in words, warns before it is full, and reminds to back up after 30 days', async ({ guardedPage: page }) => {
  await openApp(page);
  const use = page.locator('#storage-use');
  await expect(use).toContainText('Krātuve šajā ierīcē');
  await expect(use).toContainText(/Lietas aizņem .* no aptuveni 10,5 MB \(0 % izmantoti\); brīvi aptuveni/);
  await expect(page.locator('.storage-warning')).toHaveCount(0);
  await expect(page.locator('.backup-reminder')).toHaveCount(0);

  // A case last saved 40 days ago and never backed up; storage 85 % full.
  await page.evaluate(() => {
    const updated = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const stored = {
      format: 'ib-planner-stored-case/1', id: 'old1', updated,
      case: { schema: 'ib-case/1', child: { id: 'OLD-1' } },
    };
    localStorage.setItem('ib-planner/case/old1', JSON.stringify(stored));
    localStorage.setItem('filler/85', 'x'.repeat(Math.round(0.85 * 5_242_880)));
  });
  await page.reload();
  const warning = page.locator('.storage-warning');
  await expect(warning).toContainText('Krātuve gandrīz pilna.');
  await expect(warning).toContainText('Izmantoti 85 %');
  await expect(page.locator('meter.storage-meter')).toHaveAttribute('value', '85');
  const reminder = page.locator('.backup-reminder');
  await expect(reminder).toContainText('Laiks izveidot rezerves kopiju.');
  await expectNoAxeViolations(page);
  await freeStorage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#backup-now').click()]);
  expect(download.suggestedFilename()).toMatch(/^ib-planner-backup-/);
  await expect(reminder).toHaveCount(0);
  await expect(page.locator('.storage-warning')).toHaveCount(0);
});

test('how many cases fit: the example case copied until storage is full, against the meter\'s estimate', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.locator('#example-case').click();
  await expect(page.locator('nav.step-nav')).toBeVisible();
  const figures = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ib-planner/case/'));
    const text = localStorage.getItem(key);
    let copies = 0;
    try {
      for (;;) {
        localStorage.setItem(`ib-planner/case/fit${String(copies).padStart(5, '0')}`, text);
        copies += 1;
      }
    } catch { /* full */ }
    let chars = 0;
    for (const k of Object.keys(localStorage)) chars += k.length + localStorage.getItem(k).length;
    for (const k of Object.keys(localStorage)) if (k.includes('/case/fit')) localStorage.removeItem(k);
    return { caseChars: text.length, cases: copies + 1, chars };
  });
  console.log(`storage fit: example case ${figures.caseChars} characters; ${figures.cases} such cases fit; ${figures.chars} characters stored when full`);
  // The meter's estimate of the limit (10 485 760 bytes = 5 242 880 UTF-16 characters) is
  // what Chromium allows, within 1 %.
  expect(figures.chars).toBeGreaterThan(5_242_880 * 0.99);
  expect(figures.chars).toBeLessThanOrEqual(5_242_880);
  expect(figures.cases).toBeGreaterThan(50);
});
