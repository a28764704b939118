// Two tabs on one case (issue 12, item 1): two pages of one browser context share
// localStorage. A change saved in one reaches the other; changes to different fields
// made before either tab saw the other's are merged; the same field changed in both is
// shown to the later tab with both values to choose; the case being open elsewhere is
// shown; a deletion is final in every tab. Every write is compare-and-set on the entry's
// revision (`rev` in the stored envelope).
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { h1 } from './flow-helpers.mjs';

const PSEUDONYM = 'Bērna pseidonīms (lietas identifikators)';
const BIRTH = 'Dzimšanas gads un mēnesis';
const PRESENCE = 'Šī lieta ir atvērta arī citā cilnē.';

/** Fails the test on console errors and uncaught exceptions in a second page. */
function watch(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return problems;
}

/** Tab A makes a new case; tab B, a second page of the same context, opens it too. */
async function twoTabsOnOneCase(pageA) {
  await openApp(pageA);
  await pageA.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(pageA)).toHaveText('Bērns');
  const pageB = await pageA.context().newPage();
  const problemsB = watch(pageB);
  await pageB.goto(pageA.url());
  await expect(h1(pageB)).toHaveText('Bērns');
  const key = await pageA.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('ib-planner/case/')));
  return { pageB, problemsB, key };
}

/** The stored envelope of the case, parsed (null when there is none). */
async function stored(page, key) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  return text === null ? null : JSON.parse(text);
}

/**
 * Holds back the `storage` events in a page, as if that tab had not yet heard of the
 * other tab's write: its next save finds a newer entry than the one it started from.
 * Listeners on `window` run in the order they were added, so the blocker is added before
 * the app's scripts run (and the page reloaded to add it).
 */
async function deafen(page) {
  await page.addInitScript(() => {
    window.addEventListener('storage', (e) => e.stopImmediatePropagation(), { capture: true });
  });
  await page.reload();
  await expect(h1(page)).toHaveText('Bērns');
}

for (const first of ['A', 'B']) {
  test(`a change saved in tab ${first} shows in the other tab at once, and after a reload both have both`, async ({ guardedPage: pageA }) => {
    const { pageB, problemsB, key } = await twoTabsOnOneCase(pageA);
    const [one, other] = first === 'A' ? [pageA, pageB] : [pageB, pageA];
    await one.getByLabel(PSEUDONYM).fill('TAB-ONE');
    await expect(other.getByLabel(PSEUDONYM)).toHaveValue('TAB-ONE');
    await other.getByLabel(BIRTH).fill('2016-04');
    await expect(one.getByLabel(BIRTH)).toHaveValue('2016-04');
    // Every write made the revision one higher.
    expect((await stored(pageA, key)).rev).toBe(2);
    for (const page of [pageA, pageB]) {
      await page.reload();
      await expect(page.getByLabel(PSEUDONYM)).toHaveValue('TAB-ONE');
      await expect(page.getByLabel(BIRTH)).toHaveValue('2016-04');
    }
    const record = await stored(pageA, key);
    expect(record.case.child.id).toBe('TAB-ONE');
    expect(record.case.child.birth).toBe('2016-04');
    expect(problemsB).toEqual([]);
  });

  test(`different fields changed in two tabs before either saw the other's change are merged (tab ${first} first)`, async ({ guardedPage: pageA }) => {
    const { pageB, problemsB, key } = await twoTabsOnOneCase(pageA);
    const [earlier, later] = first === 'A' ? [pageA, pageB] : [pageB, pageA];
    await deafen(later);
    await earlier.getByLabel(PSEUDONYM).fill('EARLIER');
    await expect.poll(async () => (await stored(pageA, key)).case.child.id).toBe('EARLIER');
    // The later tab still shows its old copy; its edit is merged with the stored one,
    // not written over it.
    await expect(later.getByLabel(PSEUDONYM)).toHaveValue('');
    await later.getByLabel(BIRTH).fill('2015-09');
    await expect(later.getByLabel(PSEUDONYM)).toHaveValue('EARLIER');
    await expect(later.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
    await expect(earlier.getByLabel(BIRTH)).toHaveValue('2015-09');
    const record = await stored(pageA, key);
    expect(record.case.child).toMatchObject({ id: 'EARLIER', birth: '2015-09' });
    expect(record.rev).toBe(2);
    for (const page of [pageA, pageB]) {
      await page.reload();
      await expect(page.getByLabel(PSEUDONYM)).toHaveValue('EARLIER');
      await expect(page.getByLabel(BIRTH)).toHaveValue('2015-09');
    }
    expect(problemsB).toEqual([]);
  });
}

test('the same field changed in both tabs: the later tab shows both values, saves nothing until the user chooses, and stores the choice', async ({ guardedPage: pageA }) => {
  const { pageB, problemsB, key } = await twoTabsOnOneCase(pageA);
  await deafen(pageB);
  await pageA.getByLabel(BIRTH).fill('2014-02');
  await pageA.getByLabel(PSEUDONYM).fill('FROM-A');
  await expect.poll(async () => (await stored(pageA, key)).case.child.id).toBe('FROM-A');
  await pageB.getByLabel(PSEUDONYM).fill('FROM-B');

  const panel = pageB.locator('.tab-conflict');
  await expect(panel.getByRole('heading', { name: 'Citā cilnē mainīti tie paši lauki' })).toBeFocused();
  const field = panel.getByRole('group', { name: 'Bērns: bērna pseidonīms (lietas identifikators)' });
  await expect(field.getByLabel('Šajā cilnē: FROM-B')).not.toBeChecked();
  await expect(field.getByLabel('Otrā cilnē: FROM-A')).not.toBeChecked();
  // Only the field both changed is asked about: the other tab's birth month is merged.
  await expect(panel.locator('fieldset')).toHaveCount(1);
  await expect(pageB.getByLabel(BIRTH)).toHaveValue('2014-02');
  // Nothing says "Saved", and nothing was written.
  const status = pageB.locator('.save-status');
  await expect(status).toContainText('Neizdevās saglabāt.');
  await expect(status).toContainText('tajā pašā laikā mainīja arī citā cilnē');
  expect((await stored(pageA, key)).case.child.id).toBe('FROM-A');
  await expectNoAxeViolations(pageB);

  // Saving without a choice asks for one; the choice is made with the keyboard.
  await panel.getByRole('button', { name: 'Saglabāt izvēlētās vērtības' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Izvēlieties vērtību katram laukam.');
  await field.getByLabel('Šajā cilnē: FROM-B').focus();
  await pageB.keyboard.press('Space');
  await expect(field.getByLabel('Šajā cilnē: FROM-B')).toBeChecked();
  await panel.getByRole('button', { name: 'Saglabāt izvēlētās vērtības' }).focus();
  await pageB.keyboard.press('Enter');

  await expect(panel).toHaveCount(0);
  await expect(h1(pageB)).toBeFocused();
  await expect(status).toContainText('Saglabāts šajā ierīcē');
  const record = await stored(pageA, key);
  expect(record.case.child).toMatchObject({ id: 'FROM-B', birth: '2014-02' });
  expect(record.rev).toBe(3);
  // The earlier tab follows the stored choice.
  await expect(pageA.getByLabel(PSEUDONYM)).toHaveValue('FROM-B');
  await pageB.reload();
  await expect(pageB.getByLabel(PSEUDONYM)).toHaveValue('FROM-B');
  await expect(pageB.getByLabel(BIRTH)).toHaveValue('2014-02');
  expect(problemsB).toEqual([]);
});

test('each tab shows that the case is open in another tab, until that tab leaves the case or closes', async ({ guardedPage: pageA }) => {
  const { pageB, problemsB } = await twoTabsOnOneCase(pageA);
  await expect(pageA.getByText(PRESENCE)).toBeVisible();
  await expect(pageB.getByText(PRESENCE)).toBeVisible();
  await expectNoAxeViolations(pageA);
  // B leaves for the list: A no longer shows it; B comes back: A shows it again.
  await pageB.locator('header .brand').click();
  await expect(h1(pageB)).toHaveText('Sāciet atbalsta plānu');
  await expect(pageA.getByText(PRESENCE)).toHaveCount(0);
  await pageB.goBack();
  await expect(h1(pageB)).toHaveText('Bērns');
  await expect(pageA.getByText(PRESENCE)).toBeVisible();
  await expect(pageB.getByText(PRESENCE)).toBeVisible();
  // B closes.
  expect(problemsB).toEqual([]);
  await pageB.close();
  await expect(pageA.getByText(PRESENCE)).toHaveCount(0);
});

test('a case deleted in one tab is final in the other: told at once, further edits do not recreate it, gone from both lists', async ({ guardedPage: pageA }) => {
  const { pageB, problemsB, key } = await twoTabsOnOneCase(pageA);
  await pageA.getByLabel(PSEUDONYM).fill('DEL-1');
  await expect(pageB.getByLabel(PSEUDONYM)).toHaveValue('DEL-1');
  await pageA.locator('header .brand').click();
  await expect(pageA.locator('.case-row')).toHaveCount(1);
  await pageA.getByRole('button', { name: 'Dzēst lietu DEL-1' }).click();
  await pageA.getByRole('button', { name: 'Jā, dzēst' }).click();
  await expect(pageA.locator('.case-row')).toHaveCount(0);

  const alert = pageB.locator('.save-status').getByRole('alert');
  await expect(alert).toContainText('Šī lieta citā cilnē ir izdzēsta.');
  await pageB.getByLabel(BIRTH).fill('2013-11');
  await pageB.getByLabel(PSEUDONYM).fill('DEL-1-AGAIN');
  await expect(pageB.getByLabel(PSEUDONYM)).toHaveValue('DEL-1-AGAIN');
  await expect(alert).toContainText('Šī lieta citā cilnē ir izdzēsta.');
  await expect(pageB.locator('.save-status')).not.toContainText('Saglabāts');
  expect(await stored(pageB, key)).toBeNull();
  // This tab's copy can still be downloaded.
  const download = pageB.waitForEvent('download');
  await alert.getByRole('button', { name: 'Lejupielādēt lietu kā failu' }).click();
  expect((await download).suggestedFilename()).toBe('DEL-1-AGAIN-case.json');
  await expectNoAxeViolations(pageB);

  await pageB.locator('header .brand').click();
  await expect(h1(pageB)).toHaveText('Sāciet atbalsta plānu');
  await expect(pageB.locator('.case-row')).toHaveCount(0);
  expect(await stored(pageB, key)).toBeNull();
  // A new case made in B shows in A's list without a reload.
  await pageB.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(pageB)).toHaveText('Bērns');
  await expect(pageA.locator('.case-row')).toHaveCount(1);
  expect(await stored(pageA, key)).toBeNull();
  expect(problemsB).toEqual([]);
});
