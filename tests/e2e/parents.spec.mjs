// The parents' screens: the questionnaire one question per page (errors, keyboard-only
// scale, check your answers, change, reload), the answers file (export, import into another
// case, a broken file refused), and the parents' ranking (keyboard move, reload). axe-core
// scans every screen.
import fs from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { openStep } from './flow-helpers.mjs';

const h1 = (page) => page.locator('main h1');

/** The page fits its width: no horizontal scrolling (at 360 px too). */
async function expectNoSideScroll(page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'the page scrolls sideways').toBe(true);
}

async function newCaseQuestionnaire(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(page)).toBeVisible();
  await openStep(page, 'Vecāku anketa');
  await expect(h1(page)).toHaveText('Vecāku anketa');
}

const next = (page) => page.locator('#question-next');

test('questionnaire: two goals page by page, errors, keyboard scale, check and change, reload, export and import', async ({ guardedPage: page }) => {
  await newCaseQuestionnaire(page);
  await expect(page.getByText('Vēl nav neviena mērķa.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Goal 1: the goal in the parents' own words first, then the area of life.
  await page.getByRole('button', { name: 'Pievienot mērķi' }).click();
  await expect(h1(page)).toHaveText('Aprakstiet 1. mērķi saviem vārdiem');
  await expect(page.getByText('1. jautājums no 5, 1. mērķis')).toBeVisible();
  await next(page).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('Aprakstiet mērķi saviem vārdiem');
  await expect(summary).toBeFocused();
  await expect(page.locator('.error-message')).toContainText('Aprakstiet mērķi saviem vārdiem');
  await summary.getByRole('link').click();
  await expect(page.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Lai Anna pasaka, ko vēlas, īsos teikumos.');
  await expect(summary).toHaveCount(0);
  await next(page).click();

  await expect(h1(page)).toHaveText('Kurai dzīves jomai atbilst 1. mērķis?');
  await next(page).click();
  await expect(page.locator('#error-summary')).toContainText('Izvēlieties dzīves jomu');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await page.getByRole('radio', { name: 'Saziņa' }).check();
  await next(page).click();

  // Importance with the keyboard only: Tab into the scale, Space, arrows, Tab to Next, Enter.
  await expect(h1(page)).toHaveText('Cik svarīgs jums ir šis mērķis?');
  await expect(page.locator('#step-title')).toBeFocused();
  await expect(page.getByText('“Lai Anna pasaka, ko vēlas, īsos teikumos.”')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /^1 – nemaz nav svarīgs/ })).toBeFocused();
  await page.keyboard.press('Space');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(next(page)).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(h1(page)).toHaveText('Cik labi to pašlaik izdodas paveikt?');
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await next(page).click();
  await expect(h1(page)).toHaveText('Cik apmierināti jūs esat ar to, kā tas izdodas pašlaik?');
  await page.getByRole('radio', { name: '2', exact: true }).check();
  await expect(next(page)).toHaveText('Saglabāt un pārbaudīt atbildes');
  await next(page).click();
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');

  // Goal 2.
  await page.getByRole('button', { name: 'Pievienot vēl vienu mērķi' }).click();
  await expect(h1(page)).toHaveText('Aprakstiet 2. mērķi saviem vārdiem');
  await page.getByRole('textbox').fill('Lai Anna pati aiziet līdz autobusa pieturai.');
  await next(page).click();
  await expect(h1(page)).toHaveText('Kurai dzīves jomai atbilst 2. mērķis?');
  await page.getByRole('radio', { name: 'Mobilitāte' }).check();
  await next(page).click();
  await page.getByRole('radio', { name: '7', exact: true }).check();
  await next(page).click();
  await page.getByRole('radio', { name: '4', exact: true }).check();
  await next(page).click();
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await next(page).click();

  // Check your answers shows both goals; change one answer through its Change link.
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');
  await expect(page.getByText('Lai Anna pasaka, ko vēlas, īsos teikumos.')).toBeVisible();
  await expect(page.getByText('Lai Anna pati aiziet līdz autobusa pieturai.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '2. mērķis' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await page.getByRole('link', { name: 'Mainīt Svarīgums, 1. mērķis' }).click();
  await expect(h1(page)).toHaveText('Cik svarīgs jums ir šis mērķis?');
  await expect(page.getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: '9', exact: true }).check();
  await next(page).click();
  await expect(h1(page)).toHaveText('Pārbaudiet atbildes');
  await expect(page.locator('.parents-summary').first()).toContainText('9');
  await page.getByRole('button', { name: 'Apstiprināt un atgriezties pie mērķiem' }).click();

  // Reload: the overview with every answer kept.
  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await expect(page.locator('.parents-goal-card')).toHaveCount(2);
  await expect(page.locator('.parents-goal-card').first()).toContainText('Joma: Saziņa. Svarīgums: 9, izpilde: 3, apmierinātība: 2.');
  await expect(page.locator('.parents-goal-card').nth(1)).toContainText('Lai Anna pati aiziet līdz autobusa pieturai.');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // Export the answers file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportēt atbildes failā' }).click();
  const download = await downloading;
  // A new case has no pseudonym yet: the date and "anketa", never the device's id.
  expect(download.suggestedFilename()).toMatch(/^anketa-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const answers = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(Object.keys(answers).sort()).toEqual(['format', 'questionnaire']);
  expect(answers.format).toBe('ib-planner-answers/1');
  expect(answers.questionnaire.goals).toHaveLength(2);
  expect(answers.questionnaire.goals[0]).toMatchObject({
    id: 'PG1', lifeDomain: 'communication', importance: 9, performance: 3, satisfaction: 2,
    text: 'Lai Anna pasaka, ko vēlas, īsos teikumos.',
  });

  // Import it into another new case: a broken file first (refused, nothing changes).
  await newCaseQuestionnaire(page);
  const picker = page.getByLabel('Importēt atbildes');
  await picker.setInputFiles({ name: 'x-answers.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ib-planner-answ') });
  await expect(page.locator('#answers-import-error')).toContainText('Failu nevar nolasīt');
  await expect(page.getByText('Vēl nav neviena mērķa.')).toBeVisible();
  await picker.setInputFiles(file);
  await expect(page.locator('#answers-import-preview')).toContainText('Mērķu skaits failā: 2. Tie aizstās visus pašreizējos anketas mērķus (pašlaik: 0).');
  await expect(page.locator('#answers-import-error')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aizstāt atbildes' }).click();
  await expect(page.locator('#answers-import-done')).toContainText('Mērķu skaits: 2');
  await expect(page.locator('.parents-goal-card')).toHaveCount(2);
  await page.reload();
  await expect(page.locator('.parents-goal-card').first()).toContainText('Lai Anna pasaka, ko vēlas, īsos teikumos.');
});

test('questionnaire: the error summary leads to the questions; removing a goal asks first', async ({ guardedPage: page }) => {
  await newCaseQuestionnaire(page);
  await page.getByRole('button', { name: 'Pievienot mērķi' }).click();
  await page.getByRole('button', { name: 'Atpakaļ' }).click();
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await expect(page.locator('.parents-goal-card')).toHaveCount(1);
  // Continue with an unfinished goal: the summary speaks in the questions' words and leads to them.
  await page.locator('#continue').click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('1. mērķis: Izvēlieties dzīves jomu');
  await expect(page.locator('#error-summary')).toContainText('1. mērķis: Izvēlieties, cik svarīgs ir mērķis (no 1 līdz 10)');
  await expect(page.getByText('Šim mērķim trūkst atbilžu vai tajās ir kļūda.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '1. mērķis: Aprakstiet mērķi saviem vārdiem' }).click();
  await expect(h1(page)).toHaveText('Aprakstiet 1. mērķi saviem vārdiem');
  await page.getByRole('button', { name: 'Atpakaļ' }).click();
  await expect(h1(page)).toHaveText('Vecāku anketa');
  await page.getByRole('button', { name: 'Noņemt 1. mērķis' }).click();
  await expect(page.getByText('Vai tiešām noņemt 1. mērķi ar visām tā atbildēm?')).toBeVisible();
  await page.getByRole('button', { name: 'Nē, paturēt' }).click();
  await expect(page.locator('.parents-goal-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Noņemt 1. mērķis' }).click();
  await page.getByRole('button', { name: 'Jā, noņemt' }).click();
  await expect(page.locator('.parents-goal-card')).toHaveCount(0);
  // No goal left while the summary shows: that problem is named by its step and field,
  // and leads to "Add a goal".
  const none = page.locator('#error-summary').getByRole('link', { name: /^Vecāku anketa: vecāku mērķi — vecākiem jānorāda vismaz viens mērķis/i });
  await expect(none).toBeVisible();
  await none.click();
  await expect(page.getByRole('button', { name: 'Pievienot mērķi' })).toBeFocused();
});

test('ranking: the example case in the parents\' order, moved with the keyboard, kept after reload', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(h1(page)).toBeVisible();
  await openStep(page, 'Vecāku prioritātes');
  await expect(h1(page)).toHaveText('Vecāku prioritātes');
  await expect(page.getByText('speciālistu secībai ir 60 % svara, vecāku secībai — 40 %')).toBeVisible();
  const names = page.locator('.parents-rank-name');
  await expect(names.nth(0)).toHaveText('Logopēda nodarbība');
  await expect(names.nth(2)).toHaveText('Fizioterapeita nodarbība');
  await expect(page.locator('.parents-rank-item').nth(2)).toContainText('Daudzums: 24 (vienība: nodarbība). Speciālistu vieta: 1.');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // Move the physiotherapy up twice with the keyboard; focus follows the item.
  await page.locator('#rank-up-2').focus();
  await page.keyboard.press('Enter');
  await expect(names.nth(1)).toHaveText('Fizioterapeita nodarbība');
  await expect(page.locator('#rank-up-1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(names.nth(0)).toHaveText('Fizioterapeita nodarbība');
  await expect(page.locator('#rank-down-0')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Fizioterapeita nodarbība tagad ir 1. vietā.' })).toHaveCount(1);

  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku prioritātes');
  await expect(names.nth(0)).toHaveText('Fizioterapeita nodarbība');
  await expect(names.nth(1)).toHaveText('Logopēda nodarbība');
  await expect(names.nth(2)).toHaveText('Aprūpes pakalpojums bērnam ar funkcionāliem traucējumiem');

  // Export the list for parents and import it back unchanged.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportēt sarakstu vecākiem' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('CESIS-2025-017-ranking.json');
  const file = await download.path();
  const ranking = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(ranking.format).toBe('ib-planner-ranking/1');
  expect(ranking.services).toHaveLength(10);
  expect(ranking.services[0]).toMatchObject({ code: 'SVC-PHYSIO', expertRank: 1, parentRank: 1, quantity: 24 });
  expect(ranking.services[0].name.en).toBe('Physiotherapy session');
  // A file with a different list is refused with the codes named.
  ranking.services[0].code = 'SVC-OTHER';
  await page.getByLabel('Importēt vecāku sarindojumu').setInputFiles({
    name: 'x-ranking.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ranking)),
  });
  await expect(page.locator('#ranking-import-error')).toContainText('Failā ir, bet lietā nav: SVC-OTHER. Lietā ir, bet failā nav: SVC-PHYSIO.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Importēt vecāku sarindojumu').setInputFiles(file);
  await expect(page.locator('#ranking-import-preview')).toContainText('vecāku vieta: 10');
  await page.getByRole('button', { name: 'Importēt', exact: true }).click();
  await expect(page.locator('#ranking-import-done')).toBeVisible();
  await expect(names.nth(0)).toHaveText('Fizioterapeita nodarbība');
});

test('the parents\' screens in English', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await openStep(page, 'Parents\' questionnaire');
  await expect(h1(page)).toHaveText('Parents\' questionnaire');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.locator('#question-next').click();
  await expect(page.locator('#error-summary')).toContainText('Describe the goal in your own words');
  await page.getByRole('textbox').fill('Walk to the bus stop');
  await page.locator('#question-next').click();
  await expect(h1(page)).toHaveText('Which area of life is goal 1 about?');
  await page.getByRole('radio', { name: 'Mobility' }).check();
  await page.locator('#question-next').click();
  await expect(h1(page)).toHaveText('How important is this goal to you?');
  await expect(page.getByText('Question 3 of 5, goal 1')).toBeVisible();
  await expect(page.getByText('Choose a number from 1 to 10: 1 – not at all important, 10 – extremely important.')).toBeVisible();
  await expectNoAxeViolations(page);
});
