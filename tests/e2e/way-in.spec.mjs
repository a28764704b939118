// The parents' own way in (issue 11, item 5): from the start screen a parent fills in only
// the goals questionnaire (no pseudonym, no team steps; the goal in their own words first,
// then the area of life with plain examples), keeps it across a reload, and saves it as
// `anketa-YYYY-MM-DD.json` with a confirmation that says how to send it; the share sheet
// is offered where the browser can share files (navigator.share/canShare stubbed to watch
// the call and a cancel); a ranking file from the team, picked or dropped on the start
// screen, opens straight at the ranking and saves as `prioritates-YYYY-MM-DD.json`; the
// 1–10 scale at 360 px keeps "10" beside its words. LV and EN, axe-core on every screen.
import fs from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';

const h1 = (page) => page.locator('main h1');
const next = (page) => page.locator('#question-next');

/** The page fits its width: no horizontal scrolling (at 360 px too). */
async function expectNoSideScroll(page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'the page scrolls sideways').toBe(true);
}

/** Today in the browser's time zone, as the app names files: YYYY-MM-DD. */
const today = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });

/** No Web Share API at all (the download is the only way). */
const withoutShare = (page) =>
  page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });

/**
 * A Web Share API level 2 that says yes to files and records each call in
 * `window.__shares`; `window.__shareMode = 'cancel'` makes the next share end as the
 * user closing the sheet (an AbortError).
 */
const withShare = (page) =>
  page.addInitScript(() => {
    window.__shares = [];
    window.__shareMode = 'ok';
    Object.defineProperty(Navigator.prototype, 'canShare', {
      configurable: true,
      value: (data) => !!(data && data.files && data.files.length && data.files.every((f) => f instanceof File)),
    });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data) => {
        const file = data.files[0];
        window.__shares.push({ name: file.name, type: file.type, text: await file.text(), title: data.title });
        if (window.__shareMode === 'cancel') throw new DOMException('Share canceled', 'AbortError');
      },
    });
  });

/** From the start screen, the parents' way in; the questionnaire's overview. */
async function parentsWayIn(page, button = 'Esmu vecāks: aizpildīt mērķu anketu', heading = 'Vecāku anketa') {
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/questionnaire$/);
  await expect(h1(page)).toHaveText(heading);
}

/** One goal, one question per page: the words, the area of life, the three scales. */
async function answerGoal(page, n, text, domain, [importance, performance, satisfaction]) {
  await expect(h1(page)).toHaveText(`Aprakstiet ${n}. mērķi saviem vārdiem`);
  await page.getByRole('textbox').fill(text);
  await next(page).click();
  await expect(h1(page)).toHaveText(`Kurai dzīves jomai atbilst ${n}. mērķis?`);
  await page.getByRole('radio', { name: domain, exact: true }).check();
  await next(page).click();
  for (const [heading, value] of [
    ['Cik svarīgs jums ir šis mērķis?', importance],
    ['Cik labi to pašlaik izdodas paveikt?', performance],
    ['Cik apmierināti jūs esat ar to, kā tas izdodas pašlaik?', satisfaction],
  ]) {
    await expect(h1(page)).toHaveText(heading);
    await page.getByRole('radio', { name: new RegExp(`^${value}( |$)`) }).check();
    await next(page).click();
  }
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');
}

const GOAL1 = 'Lai Marta pati apģērbjas no rīta.';
const GOAL2 = 'Lai Marta pasaka, ko vēlas, ar attēlu kartītēm.';

test('a parent fills in the questionnaire on their own: no pseudonym, no team steps, words first, kept after reload, saved as anketa-DATE.json', async ({ guardedPage: page }) => {
  await withoutShare(page);
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Esmu vecāks: aizpildīt mērķu anketu' })).toBeVisible();
  await expectNoAxeViolations(page);
  await parentsWayIn(page);

  // Only the parents' own pages: no team step navigation, no pseudonym field anywhere.
  await expect(page.locator('nav.step-nav')).toHaveCount(0);
  const own = page.getByRole('navigation', { name: 'Jūsu soļi' });
  await expect(own.getByRole('link')).toHaveText(['1. Mērķu anketa', '2. Saglabāt un nosūtīt']);
  await expect(page.getByText(/pseidonīm|Bērns/)).toHaveCount(0);
  await expect(page.locator('#continue')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Eksportēt atbildes failā' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // Goal 1: the goal in the parents' own words comes first, then the area of life with examples.
  await page.getByRole('button', { name: 'Pievienot mērķi' }).click();
  await expect(h1(page)).toHaveText('Aprakstiet 1. mērķi saviem vārdiem');
  await expect(page.getByText('1. jautājums no 5, 1. mērķis')).toBeVisible();
  await page.getByRole('textbox').fill(GOAL1);
  await next(page).click();
  await expect(h1(page)).toHaveText('Kurai dzīves jomai atbilst 1. mērķis?');
  await expect(page.getByText('2. jautājums no 5, 1. mērķis')).toBeVisible();
  await expect(page.getByText(`“${GOAL1}”`)).toBeVisible();
  const selfCare = page.getByRole('radio', { name: 'Pašaprūpe', exact: true });
  await expect(selfCare).toHaveAccessibleDescription('Piemēram: ēst, ģērbties, mazgāties, iet uz tualeti.');
  await expect(page.getByText('Piemēram: staigāt, kāpt pa kāpnēm')).toBeVisible();
  await next(page).click();
  await expect(page.locator('#error-summary')).toContainText('Izvēlieties dzīves jomu');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await selfCare.check();
  await next(page).click();
  for (const value of ['9', '3', '2']) {
    await page.getByRole('radio', { name: new RegExp(`^${value}( |$)`) }).check();
    await next(page).click();
  }
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');
  const rows = page.locator('.parents-summary').first().locator('dt');
  await expect(rows).toHaveText(['Mērķis', 'Dzīves joma', 'Svarīgums', 'Pašreizējā izpilde', 'Apmierinātība']);

  // Goal 2, left half-way: a reload loses nothing.
  await page.getByRole('button', { name: 'Pievienot vēl vienu mērķi' }).click();
  await page.getByRole('textbox').fill(GOAL2);
  await next(page).click();
  await page.getByRole('radio', { name: 'Saziņa', exact: true }).check();
  await next(page).click();
  await page.getByRole('radio', { name: '7', exact: true }).check();
  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/questionnaire$/);
  await expect(page.locator('nav.step-nav')).toHaveCount(0);
  // Opened straight at the questionnaire, the page preloaded its chunk (scripts/build.mjs DEEP_LINKS).
  await expect(page.locator('link[rel="preload"][href*="split_intake"]')).toHaveCount(1);
  const cards = page.locator('.parents-goal-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(GOAL1);
  await expect(cards.nth(0)).toContainText('Joma: Pašaprūpe. Svarīgums: 9, izpilde: 3, apmierinātība: 2.');
  await expect(cards.nth(1)).toContainText(GOAL2);
  await expect(cards.nth(1)).toContainText('Joma: Saziņa. Svarīgums: 7, izpilde: —, apmierinātība: —.');

  // Going on with a goal unfinished shows what is missing first, in the parents' words.
  await page.locator('#parent-continue').click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('2. mērķis: Izvēlieties, cik labi tas izdodas pašlaik (no 1 līdz 10)');
  await page.getByRole('link', { name: /2\. mērķis: Izvēlieties, cik labi/ }).click();
  await expect(h1(page)).toHaveText('Cik labi to pašlaik izdodas paveikt?');
  await page.getByRole('radio', { name: '4', exact: true }).check();
  await next(page).click();
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await next(page).click();
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');
  await page.getByRole('button', { name: 'Apstiprināt un atgriezties pie mērķiem' }).click();

  // Save the answers: a readable name, and a confirmation that says how to send the file.
  await page.getByRole('button', { name: 'Turpināt: saglabāt atbildes failā' }).click();
  await expect(h1(page)).toHaveText('Saglabājiet atbildes un nosūtiet tās sociālajam darbiniekam');
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/send$/);
  const date = await today(page);
  await expect(page.getByText(`Faila nosaukums: anketa-${date}.json`)).toBeVisible();
  await expect(page.getByText('Anketā ir mērķi: 2.')).toBeVisible();
  await expect(page.locator('#share-file')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Saglabāt failu šajā ierīcē' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`anketa-${date}.json`);
  const answers = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(Object.keys(answers).sort()).toEqual(['format', 'questionnaire']);
  expect(answers.format).toBe('ib-planner-answers/1');
  expect(answers.questionnaire.goals).toHaveLength(2);
  expect(answers.questionnaire.goals[0]).toMatchObject({ text: GOAL1, lifeDomain: 'self_care', importance: 9, performance: 3, satisfaction: 2 });
  expect(answers.questionnaire.goals[1]).toMatchObject({ text: GOAL2, lifeDomain: 'communication', importance: 7, performance: 4, satisfaction: 3 });
  const outcome = page.locator('#send-outcome');
  await expect(outcome).toBeFocused();
  await expect(outcome).toContainText(`Fails “anketa-${date}.json” ir saglabāts šajā ierīcē`);
  await expect(outcome).toContainText('Kā nosūtīt: pievienojiet šo failu e-pasta vēstulei vai ziņai');
  await expect(outcome).toContainText('sociālajam darbiniekam');
  await expectNoAxeViolations(page);

  // Back on the start screen the parents' own record is listed as theirs and reopens.
  await page.locator('header .brand').click();
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  const row = page.locator('.case-row', { hasText: 'Mana anketa' });
  await expect(row).toContainText('mērķi: 2');
  await row.getByRole('button', { name: 'Atvērt lietu Mana anketa' }).click();
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/questionnaire$/);
  await expect(page.locator('.parents-goal-card')).toHaveCount(2);
  await expect(page.locator('nav.step-nav')).toHaveCount(0);
  // A team's link to the record (a case route) still shows only the parents' pages.
  const id = page.url().match(/#\/parent\/([0-9a-f]+)\//)[1];
  await page.evaluate((id) => { location.hash = `#/case/${id}/team`; }, id);
  await expect(page).toHaveURL(new RegExp(`#/case/${id}/team$`));
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await expect(page.locator('nav.step-nav')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Jūsu soļi' })).toBeVisible();
});

test('the share sheet offers the answers file where files can be shared; a cancel loses nothing', async ({ guardedPage: page }) => {
  await withShare(page);
  await openApp(page);
  await parentsWayIn(page);
  await page.getByRole('button', { name: 'Pievienot mērķi' }).click();
  await answerGoal(page, 1, GOAL1, 'Pašaprūpe', [8, 2, 3]);
  await page.getByRole('button', { name: 'Apstiprināt un atgriezties pie mērķiem' }).click();
  await page.getByRole('button', { name: 'Turpināt: saglabāt atbildes failā' }).click();
  await expect(h1(page)).toHaveText('Saglabājiet atbildes un nosūtiet tās sociālajam darbiniekam');
  const date = await today(page);
  const share = page.getByRole('button', { name: 'Sūtīt failu…' });
  await expect(share).toBeVisible();
  await expect(share).toHaveAccessibleDescription(/kopīgošanas izvēlni/);
  await expect(page.getByRole('button', { name: 'Saglabāt failu šajā ierīcē' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Cancel: the sheet was offered the file, nothing was downloaded, nothing is lost.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.evaluate(() => { window.__shareMode = 'cancel'; });
  await share.click();
  const outcome = page.locator('#send-outcome');
  await expect(outcome).toContainText('Sūtīšana atcelta. Nekas nav zaudēts');
  await expect(outcome).toBeFocused();
  const shares = await page.evaluate(() => window.__shares);
  expect(shares).toHaveLength(1);
  expect(shares[0].name).toBe(`anketa-${date}.json`);
  expect(shares[0].type).toBe('application/json');
  const shared = JSON.parse(shares[0].text);
  expect(shared.format).toBe('ib-planner-answers/1');
  expect(shared.questionnaire.goals[0]).toMatchObject({ text: GOAL1, lifeDomain: 'self_care', importance: 8 });
  expect(downloads).toBe(0);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(h1(page)).toHaveText('Saglabājiet atbildes un nosūtiet tās sociālajam darbiniekam');
  await expect(page.getByText('Anketā ir mērķi: 1.')).toBeVisible();

  // Shared: the confirmation says the file went to the chosen app.
  await page.getByRole('button', { name: 'Sūtīt failu…' }).click();
  await expect(page.locator('#send-outcome')).toContainText(`Fails “anketa-${date}.json” ir nodots izvēlētajai lietotnei`);
  expect(await page.evaluate(() => window.__shares.length)).toBe(1);
  expect(downloads).toBe(0);
  await page.getByRole('link', { name: '1. Mērķu anketa' }).click();
  await expect(page.locator('.parents-goal-card')).toHaveCount(1);
  await expect(page.locator('.parents-goal-card')).toContainText(GOAL1);
});

/** A ranking file as the team sends it: the experts' list, the parents' order empty. */
function rankingFile() {
  return JSON.stringify({
    format: 'ib-planner-ranking/1',
    services: [
      { code: 'SVC-HOMECARE', name: { lv: 'Aprūpe mājās', en: 'Home care' }, unit: 'hour', quantity: 40, expertRank: 1, parentRank: null },
      { code: 'SVC-RESPITE', name: { lv: 'Atelpas brīdis (īslaicīgā sociālā aprūpe)', en: 'Respite (short-term social care)' }, unit: 'day24', quantity: 5, expertRank: 2, parentRank: null },
      { code: 'SVC-DAYCARE', name: { lv: 'Dienas aprūpes centrs', en: 'Day-care centre' }, unit: 'day', quantity: 20, expertRank: 3, parentRank: null },
    ],
  }, null, 2);
}

test('a ranking file from the team, picked or dropped on the start screen, opens at the ranking and saves as prioritates-DATE.json', async ({ guardedPage: page }) => {
  await withoutShare(page);
  await openApp(page);
  const picker = page.getByLabel('Atvērt pakalpojumu sarakstu no komandas');
  await expect(picker).toHaveAccessibleDescription(/ievelciet to šajā lapā/);

  // A file of the other kind is refused, said so, and nothing is created.
  await picker.setInputFiles({
    name: 'anketa.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'ib-planner-answers/1', questionnaire: { goals: [] } })),
  });
  const error = page.locator('#open-ranking-error');
  await expect(error).toContainText('Failu nevarēja atvērt. Šajā ierīcē nekas nav mainīts.');
  await expect(error).toContainText('Šis ir cita veida IB plānotāja fails');
  await expect(error).toBeFocused();
  await expect(page.locator('.case-row')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The team's file: straight to the ranking, no team steps.
  await picker.setInputFiles({ name: 'CESIS-2025-017-ranking.json', mimeType: 'application/json', buffer: Buffer.from(rankingFile()) });
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/ranking$/);
  await expect(h1(page)).toHaveText('Vecāku prioritātes');
  await expect(page.locator('nav.step-nav')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Jūsu soļi' }).getByRole('link')).toHaveText(['1. Pakalpojumu secība', '2. Saglabāt un nosūtīt']);
  const names = page.locator('.parents-rank-name');
  await expect(names).toHaveText(['Aprūpe mājās', 'Atelpas brīdis (īslaicīgā sociālā aprūpe)', 'Dienas aprūpes centrs']);
  await expect(page.locator('#continue')).toBeHidden();
  await expect(page.locator('#export-ranking')).toBeHidden();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // Not ordered yet: the save page says so and offers no file.
  await page.getByRole('button', { name: 'Turpināt: saglabāt secību failā' }).click();
  await expect(h1(page)).toHaveText('Saglabājiet secību un nosūtiet to sociālajam darbiniekam');
  await expect(page.locator('#send-blocked')).toContainText('Vispirms sakārtojiet visus pakalpojumus savā secībā');
  await expect(page.locator('#download-file')).toHaveCount(0);
  await page.getByRole('button', { name: 'Atpakaļ pie secības' }).click();

  // The parents put the day-care centre first; the order is kept after a reload.
  await expect(names).toHaveCount(3);
  await page.locator('#rank-up-2').click();
  await page.locator('#rank-up-1').click();
  await expect(names.nth(0)).toHaveText('Dienas aprūpes centrs');
  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku prioritātes');
  await expect(page.locator('link[rel="preload"][href*="split_plan"]')).toHaveCount(1);
  await expect(names).toHaveText(['Dienas aprūpes centrs', 'Aprūpe mājās', 'Atelpas brīdis (īslaicīgā sociālā aprūpe)']);

  await page.getByRole('button', { name: 'Turpināt: saglabāt secību failā' }).click();
  const date = await today(page);
  await expect(page.getByText(`Faila nosaukums: prioritates-${date}.json`)).toBeVisible();
  await expect(page.getByText('Sarakstā ir pakalpojumi: 3.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Saglabāt failu šajā ierīcē' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`prioritates-${date}.json`);
  const ranking = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(ranking.format).toBe('ib-planner-ranking/1');
  const rankOf = Object.fromEntries(ranking.services.map((s) => [s.code, s.parentRank]));
  expect(rankOf).toEqual({ 'SVC-DAYCARE': 1, 'SVC-HOMECARE': 2, 'SVC-RESPITE': 3 });
  const outcome = page.locator('#send-outcome');
  await expect(outcome).toBeFocused();
  await expect(outcome).toContainText('Kā nosūtīt: pievienojiet šo failu e-pasta vēstulei vai ziņai');
  await expectNoAxeViolations(page);

  // Dropped on the start screen: the same way in.
  await page.locator('header .brand').click();
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu');
  await expect(page.locator('.case-row', { hasText: 'Mana pakalpojumu secība' })).toContainText('pakalpojumi: 3');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'ranking.json', { type: 'application/json' }));
    return dt;
  }, rankingFile());
  await page.locator('section.start').dispatchEvent('dragover', { dataTransfer });
  await page.locator('section.start').dispatchEvent('drop', { dataTransfer });
  await expect(page).toHaveURL(/#\/parent\/[0-9a-f]+\/ranking$/);
  await expect(names).toHaveText(['Aprūpe mājās', 'Atelpas brīdis (īslaicīgā sociālā aprūpe)', 'Dienas aprūpes centrs']);
});

test('the 1–10 scale at 360 px keeps 10 beside its words, one keyboard radio group; the parents\' way in English', async ({ guardedPage: page }) => {
  await withoutShare(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('Start a support plan');
  await expectNoAxeViolations(page);
  await parentsWayIn(page, 'I am a parent: fill in the goals questionnaire', "Parents' questionnaire");
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await expect(h1(page)).toHaveText('Describe goal 1 in your own words');
  await page.getByRole('textbox').fill('Walk to the bus stop');
  await page.locator('#question-next').click();
  await expect(h1(page)).toHaveText('Which area of life is goal 1 about?');
  const mobility = page.getByRole('radio', { name: 'Mobility', exact: true });
  await expect(mobility).toHaveAccessibleDescription(/^For example: walking, climbing stairs/);
  await expectNoSideScroll(page);
  await mobility.check();
  await page.locator('#question-next').click();

  await expect(h1(page)).toHaveText('How important is this goal to you?');
  const ten = page.getByRole('radio', { name: '10 – extremely important' });
  const one = page.getByRole('radio', { name: '1 – not at all important' });
  await expect(ten).toBeVisible();
  // "10" and its words on one line, next to each other; likewise "1".
  for (const [radio, words] of [[ten, '– extremely important'], [one, '– not at all important']]) {
    const item = page.locator('.parents-scale-item', { has: radio });
    const end = item.locator('.parents-scale-end');
    await expect(end).toBeVisible();
    await expect(end).toHaveText(words);
    const r = await radio.boundingBox();
    const e = await end.boundingBox();
    const number = await item.locator('.parents-scale-number').boundingBox();
    expect(Math.abs((r.y + r.height / 2) - (e.y + e.height / 2)), 'the words are on the radio\'s line').toBeLessThan(16);
    expect(Math.abs((number.y + number.height / 2) - (e.y + e.height / 2)), 'the words are on the number\'s line').toBeLessThan(16);
    expect(e.x - (number.x + number.width), 'the words follow the number').toBeLessThan(24);
    expect(e.x).toBeGreaterThan(number.x);
    expect(e.x + e.width).toBeLessThanOrEqual(360);
  }
  await expectNoSideScroll(page);
  // Still one radio group: from 1 the arrow keys go all the way to 10.
  await one.focus();
  await page.keyboard.press('Space');
  await expect(one).toBeChecked();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
  await expect(ten).toBeChecked();
  await expect(ten).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator('#question-next').click();
  await page.getByRole('radio', { name: '5', exact: true }).check();
  await page.locator('#question-next').click();
  await page.getByRole('radio', { name: '6', exact: true }).check();
  await page.locator('#question-next').click();
  await expect(h1(page)).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Confirm and return to the goals' }).click();
  await page.getByRole('button', { name: 'Continue: save the answers as a file' }).click();
  await expect(h1(page)).toHaveText('Save your answers and send them to the social worker');
  const date = await today(page);
  await expect(page.getByText(`File name: questionnaire-${date}.json`)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the file on this device' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`questionnaire-${date}.json`);
  await expect(page.locator('#send-outcome')).toContainText('How to send it: attach this file to an e-mail or a message');
  await expectNoAxeViolations(page);

  // On a wide screen the scale is one row of ten, the words under its ends.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: '1. Goals questionnaire' }).click();
  await page.getByRole('button', { name: 'Change Goal 1' }).click();
  await page.locator('#question-next').click();
  await page.locator('#question-next').click();
  await expect(h1(page)).toHaveText('How important is this goal to you?');
  const first = await one.boundingBox();
  const last = await ten.boundingBox();
  expect(Math.abs(first.y - last.y), 'one row').toBeLessThan(4);
  await expect(page.locator('.parents-scale-ends')).toBeVisible();
  await expect(ten).toBeChecked();
});
