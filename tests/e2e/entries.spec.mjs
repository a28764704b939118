// Stored entries are addressed by their storage key (issue 12, item 3): an entry whose
// inner id names another case is shown as such, repaired or downloaded, and never opened,
// saved or deleted as that case; a case of the wrong shape or of a newer schema opens
// read-only with the reason and a download and is never written; every "cannot be read"
// screen offers the stored text exactly as it is.
import { readFile } from 'node:fs/promises';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { h1, openStep } from './flow-helpers.mjs';

const PREFIX = 'ib-planner/case/';
const PSEUDONYM = 'Bērna pseidonīms (lietas identifikators)';

/** A new case as the app makes it, with `pseudonym`. */
function caseWith(pseudonym) {
  return {
    schema: 'ib-case/1',
    child: { id: pseudonym, birth: '', municipality: '', targetGroup: 'FT' },
    questionnaire: { goals: [] },
    team: [
      { id: 'SW', role: 'social_worker', name: '', assessments: [] },
      { id: 'RP', role: 'rehab_physician', name: '', assessments: [] },
    ],
    goals: [],
    services: [],
    settings: {
      startDate: '2026-12-01',
      periodMonths: 6,
      budget: '',
      weights: { expert: '0.6', parent: '0.4' },
      policy: 'fill',
      caps: 'trim',
    },
  };
}

/** The stored text of a case with inner id `id`. */
function stored(id, value) {
  return JSON.stringify({ format: 'ib-planner-stored-case/1', id, updated: '2026-12-01T09:30:00.000Z', case: value });
}

/** Opens the app, stores `entries` ({key suffix: text}) and reloads. */
async function seed(page, entries) {
  await openApp(page);
  await page.evaluate(
    ([prefix, entries]) => {
      for (const [id, text] of Object.entries(entries)) localStorage.setItem(prefix + id, text);
    },
    [PREFIX, entries],
  );
  await page.reload();
  await expect(h1(page)).toBeVisible();
}

/** Every stored case entry, {key suffix: text}. */
async function storedEntries(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) out[key.slice(prefix.length)] = localStorage.getItem(key);
    }
    return out;
  }, PREFIX);
}

/** Clicks `button` and returns the download's file name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

// Case A under its own key, and case A's text (inner id "a1") under key "b2".
const A = stored('a1', caseWith('ALPHA-1'));

test('an entry naming another case is listed as such; deleting it deletes that key only', async ({ guardedPage: page }) => {
  await seed(page, { a1: A, b2: A });
  const rows = page.locator('.case-row');
  await expect(rows).toHaveCount(2);
  const mismatch = rows.filter({ hasText: 'saglabāts ar adresi “b2”, bet sevi sauc par “a1”' });
  await expect(mismatch).toHaveCount(1);
  // It is not offered to open or duplicate as case A; it offers repair and the download.
  await expect(mismatch.getByRole('button', { name: 'Atvērt' })).toHaveCount(0);
  await expect(mismatch.getByRole('button', { name: 'Salabot ierakstu' })).toBeVisible();
  const file = await download(page, mismatch.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }));
  expect(file.name).toBe('stored-b2.json');
  expect(file.text).toBe(A);
  await expectNoAxeViolations(page);
  await mismatch.getByRole('button', { name: 'Dzēst' }).click();
  await page.getByRole('button', { name: 'Jā, dzēst' }).click();
  await expect(rows).toHaveCount(1);
  // Key b2 is gone; case A's own entry is kept byte for byte.
  expect(await storedEntries(page)).toEqual({ a1: A });
  await expect(page.getByRole('button', { name: 'Atvērt lietu ALPHA-1' })).toBeVisible();
});

test('repair keeps the entry under its key; it then opens and saves there, never into the other case', async ({ guardedPage: page }) => {
  await seed(page, { a1: A, b2: A });
  const mismatch = page.locator('.case-row').filter({ hasText: '“b2”' });
  await mismatch.getByRole('button', { name: 'Salabot ierakstu' }).click();
  // The repaired entry is an ordinary case now, with focus on its Open button.
  await expect(page.locator('#open-b2')).toBeFocused();
  const after = await storedEntries(page);
  expect(after.a1).toBe(A);
  // Only the inner id changes (the envelope now always carries its revision).
  const { rev: _rev, ...repaired } = JSON.parse(after.b2);
  expect(repaired).toEqual({ ...JSON.parse(A), id: 'b2' });
  await page.locator('#open-b2').click();
  await expect(page).toHaveURL(/#\/case\/b2\/child$/);
  await page.getByLabel(PSEUDONYM).fill('BRAVO-2');
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  const edited = await storedEntries(page);
  expect(edited.a1).toBe(A);
  expect(JSON.parse(edited.b2).case.child.id).toBe('BRAVO-2');
});

test('a link to an entry naming another case shows it as such, with repair and the exact download', async ({ guardedPage: page }) => {
  await seed(page, { a1: A, b2: A });
  await page.goto('/#/case/b2/child');
  await expect(h1(page)).toHaveText('Ieraksts sevi sauc par citu lietu');
  await expect(page.getByText('Ieraksts, kas saglabāts ar adresi “b2”, sevi sauc par “a1”.')).toBeVisible();
  await expect(page.getByLabel(PSEUDONYM)).toHaveCount(0);
  const file = await download(page, page.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }));
  expect(file.text).toBe(A);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Salabot ierakstu' }).click();
  // Repaired, it is an ordinary case on the list, with focus on its Open button.
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  await expect(page.locator('#open-b2')).toBeFocused();
  await page.locator('#open-b2').click();
  await expect(h1(page)).toHaveText('Bērns');
  await page.getByLabel(PSEUDONYM).fill('BRAVO-3');
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  const after = await storedEntries(page);
  expect(after.a1).toBe(A);
  expect(JSON.parse(after.b2).id).toBe('b2');
  expect(JSON.parse(after.b2).case.child.id).toBe('BRAVO-3');
});

test('a case of the wrong shape opens read-only with the reason and a download, and is never written', async ({ guardedPage: page }) => {
  const shape = stored('s1', { ...caseWith('X'), child: 7 });
  await seed(page, { s1: shape });
  const row = page.locator('.case-row');
  await expect(row).toContainText('tikai apskatei');
  await row.getByRole('button', { name: 'Atvērt' }).click();
  await expect(h1(page)).toHaveText('Bērns');
  const notice = page.locator('.read-only-notice');
  await expect(notice.getByRole('heading', { name: 'Šo lietu var tikai apskatīt' })).toBeVisible();
  await expect(notice).toContainText('/child');
  await expect(notice).toContainText('Šeit jābūt objektam, bet ir number.');
  // Typing is impossible: every field of the step is disabled.
  await expect(page.getByLabel(PSEUDONYM)).toBeDisabled();
  await expect(page.getByLabel('Pašvaldība')).toBeDisabled();
  await expect(page.locator('.save-status')).toHaveText('Tikai apskatei: izmaiņas netiek saglabātas.');
  await expectNoAxeViolations(page);
  await openStep(page, 'Budžets un iestatījumi');
  await expect(page.getByLabel('Individuālais budžets plāna periodam, eiro')).toBeDisabled();
  await expect(page.getByText('Saglabāts šajā ierīcē')).toHaveCount(0);
  const file = await download(page, page.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }));
  expect(file.name).toBe('stored-s1.json');
  expect(file.text).toBe(shape);
  await page.reload();
  await expect(h1(page)).toHaveText('Budžets un iestatījumi');
  expect(await storedEntries(page)).toEqual({ s1: shape });
});

test('a case of a newer schema opens read-only, cannot be signed and is never written', async ({ guardedPage: page }) => {
  // The example case, complete and plannable, but saved as "ib-case/2".
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[^/]+\/result$/);
  const id = page.url().match(/#\/case\/([^/]+)\//)[1];
  // Leave the case first, so nothing on the page writes it again.
  await page.goto('/#/');
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  const newer = await page.evaluate(
    ([key]) => {
      const entry = JSON.parse(localStorage.getItem(key));
      entry.case.schema = 'ib-case/2';
      const text = JSON.stringify(entry);
      localStorage.setItem(key, text);
      return text;
    },
    [PREFIX + id],
  );
  await page.goto(`/#/case/${id}/sign`);
  await page.reload();
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  const notice = page.locator('.read-only-notice');
  await expect(notice).toContainText('Lietas versija “ib-case/2” nav atbalstīta; šī programma saprot “ib-case/1”.');
  await expect(page.getByText('Plānu vēl nevar parakstīt')).toBeVisible();
  await expect(page.locator('.save-status')).not.toContainText('Saglabāts');
  await expectNoAxeViolations(page);
  await openStep(page, 'Bērns');
  await expect(page.getByLabel(PSEUDONYM)).toBeDisabled();
  const file = await download(page, notice.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }));
  expect(file.text).toBe(newer);
  expect(await storedEntries(page)).toEqual({ [id]: newer });
});

test('a parents’ record of the wrong shape opens read-only too', async ({ guardedPage: page }) => {
  const record = stored('p1', { schema: 'ib-planner-parents-own/1', questionnaire: { goals: 'x' } });
  await seed(page, { p1: record });
  await page.goto('/#/parent/p1/questionnaire');
  await expect(page.locator('.read-only-notice')).toContainText('/questionnaire/goals');
  await expect(page.locator('.save-status')).toHaveText('Tikai apskatei: izmaiņas netiek saglabātas.');
  await expect(page.locator('fieldset.read-only-body')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await storedEntries(page)).toEqual({ p1: record });
});

test('the "cannot be read" screen offers the stored text exactly as it is', async ({ guardedPage: page }) => {
  const broken = '{"format": "ib-planner-stored-case/1", "id": "bro';
  await seed(page, { broken });
  await page.goto('/#/case/broken/child');
  await expect(h1(page)).toHaveText('Šo lietu nevar nolasīt');
  const file = await download(page, page.getByRole('button', { name: 'Lejupielādēt neapstrādātos datus' }));
  expect(file.name).toBe('unreadable-broken.txt');
  expect(file.text).toBe(broken);
  await expectNoAxeViolations(page);
  expect(await storedEntries(page)).toEqual({ broken });
});
