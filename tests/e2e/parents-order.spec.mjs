// The parents' order is the parents' (issue 11, item 4): a fresh experts' list has no
// parents' order ("not ranked yet"), step 7 is not done, the plan is provisional and
// signing is refused until the parents rank; a later change to the experts' list makes
// the parents' order need a look, naming the service, until confirmed; the decision to
// follow the experts' order needs a reason and is carried by the signed plan; each
// service shows the parents' goals it serves. Latvian and English, axe on every screen.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { h1, openStep, downloadInto } from './flow-helpers.mjs';

/**
 * Opens the example case and empties its experts' list (as in a new case whose team has
 * done everything up to the services), then opens the services step.
 */
async function caseWithoutServices(page, english = false) {
  await openApp(page);
  if (english) await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: english ? 'Open example case' : 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/\/result$/);
  const id = new URL(page.url()).hash.split('/')[2];
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.case.services = [];
    delete stored.case.parentsOrder;
    localStorage.setItem(key, JSON.stringify(stored));
  }, `ib-planner/case/${id}`);
  await page.reload();
  await openStep(page, english ? 'Services' : 'Pakalpojumi');
}

/** Finds a service in the catalogue, adds it and types its quantity. */
async function addService(page, query, name, index, quantity, english = false) {
  await page.getByLabel(english ? 'Search services by name, in Latvian or English'
    : 'Meklēt pakalpojumus pēc nosaukuma latviski vai angliski').fill(query);
  await page.getByRole('button', { name: `${english ? 'Add to the list' : 'Pievienot sarakstam'}: ${name}` }).click();
  const qty = page.locator(`#f-services-${index}-quantity`);
  await expect(qty).toBeFocused();
  await page.keyboard.type(String(quantity));
  await expect(qty).toHaveValue(String(quantity));
}

/** The page fits its width: no horizontal scrolling (at 360 px too). */
async function expectNoSideScroll(page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'the page scrolls sideways').toBe(true);
}

const stepLink = (page, name) => page.locator('nav.step-nav a', { hasText: name });
const notice = (page) => page.locator('#parents-plan-notice');
const SPEECH = 'Logopēda nodarbība';
const PHYSIO = 'Fizioterapeita nodarbība';
const PSYCH = 'Psihologa konsultācija';
const PG1 = 'Lai Anna var pateikt īsos teikumos, ko vēlas, un citi viņu saprot.';

test('a new list is not ranked until the parents rank; a later change needs a look, naming it', async ({ guardedPage: page }) => {
  test.setTimeout(120_000);
  await caseWithoutServices(page);
  await addService(page, 'logop', SPEECH, 0, 24);
  await addService(page, 'fizio', PHYSIO, 1, 20);
  await addService(page, 'psihologa', PSYCH, 2, 6);
  // The speech therapy serves the team's goal G1, which serves the parents' goal PG1.
  const speechGoals = page.locator('.service-item').nth(0).getByRole('group', { name: 'Kuriem komandas mērķiem šis pakalpojums kalpo?' });
  await speechGoals.getByRole('checkbox', { name: /^G1:/ }).check();
  await expect(speechGoals.getByRole('checkbox', { name: /^G1:/ })).toBeFocused();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // The ranking: not ranked yet, in the experts' order; step 7 is not done.
  await expect(stepLink(page, 'Vecāku prioritātes')).toContainText('(nav vēl sarindots)');
  await openStep(page, 'Vecāku prioritātes');
  await expect(page.locator('.parents-not-ranked')).toContainText('Nav vēl sarindots');
  const names = page.locator('.parents-rank-name');
  await expect(names).toHaveText([SPEECH, PHYSIO, PSYCH]);
  await expect(page.locator('.parents-rank-unranked')).toHaveCount(3);
  await expect(page.locator('.parents-rank-item').nth(0)).toContainText(`Kalpo vecāku mērķiem: ${PG1}`);
  await expect(page.locator('.parents-rank-item').nth(1)).toContainText('Speciālisti vēl nav norādījuši, kuriem mērķiem šis pakalpojums kalpo.');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // The plan is provisional (the experts' order alone) and cannot be signed.
  await openStep(page, 'Plāns');
  await expect(notice(page)).toContainText('Provizorisks plāns: vecāki vēl nav sarindojuši pakalpojumus');
  await expect(notice(page).locator('.provisional-lines li')).toHaveCount(3);
  await expect(notice(page).locator('.provisional-lines li').nth(0)).toContainText(`1. ${SPEECH}: `);
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await openStep(page, 'Paraksti un eksports');
  await expect(notice(page)).toContainText('Provizorisks plāns: vecāki vēl nav sarindojuši pakalpojumus');
  await expect(page.getByText('Plānu vēl nevar parakstīt')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Parakstīt kā/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The parents rank: physiotherapy first. The order is final, step 7 done.
  await openStep(page, 'Vecāku prioritātes');
  await page.locator('#rank-up-1').click();
  await expect(names).toHaveText([PHYSIO, SPEECH, PSYCH]);
  await expect(page.locator('#rank-down-0')).toBeFocused();
  await expect(page.locator('.parents-ranked')).toHaveText('Vecāki ir sarindojuši pakalpojumus.');
  await expect(page.locator('.parents-rank-unranked')).toHaveCount(0);
  await expect(stepLink(page, 'Vecāku prioritātes')).not.toContainText('(');
  await openStep(page, 'Plāns');
  await expect(page.locator('.result-missing')).toHaveCount(0);
  await expect(notice(page)).toHaveCount(0);
  await openStep(page, 'Paraksti un eksports');
  await expect(page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' })).toBeVisible();

  // The experts move the psychologist up: the parents' order needs a look, naming it.
  await openStep(page, 'Pakalpojumi');
  await page.getByRole('button', { name: `Pārvietot uz augšu: ${PSYCH}` }).click();
  await expect(page.locator('.service-name').nth(1)).toContainText(PSYCH);
  await expect(stepLink(page, 'Vecāku prioritātes')).toContainText('(jāpārskata)');
  await openStep(page, 'Plāns');
  await expect(notice(page)).toContainText('Provizorisks plāns: vecāku secība jāpārskata');
  await expect(notice(page).locator('.parents-changes')).toHaveText(`${PSYCH} — pārvietots speciālistu secībā`);
  await expectNoAxeViolations(page);
  // And add a service: it is named as added and has no parents' place.
  await openStep(page, 'Pakalpojumi');
  await addService(page, 'transport', 'Transporta pakalpojums (brauciens)', 3, 10);
  await openStep(page, 'Vecāku prioritātes');
  const changes = page.locator('.parents-needs-look .parents-changes li');
  await expect(changes).toHaveText(['Transporta pakalpojums (brauciens) — pievienots', `${PSYCH} — pārvietots speciālistu secībā`]);
  await expect(names).toHaveText([PHYSIO, SPEECH, PSYCH, 'Transporta pakalpojums (brauciens)']);
  await expect(page.locator('.parents-rank-item').nth(3)).toContainText('Nav vēl sarindots.');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  // The parents confirm the order as shown: the look is done, focus stays on the status.
  await page.getByRole('button', { name: 'Apstiprināt vecāku secību' }).click();
  await expect(page.locator('#parents-order-status')).toBeFocused();
  await expect(page.locator('.parents-ranked')).toBeVisible();
  await expect(page.locator('.parents-needs-look')).toHaveCount(0);
  await expect(stepLink(page, 'Vecāku prioritātes')).not.toContainText('(');
  await page.reload();
  await expect(h1(page)).toHaveText('Vecāku prioritātes');
  await expect(names).toHaveText([PHYSIO, SPEECH, PSYCH, 'Transporta pakalpojums (brauciens)']);
  await expect(page.locator('.parents-ranked')).toBeVisible();
  await openStep(page, 'Plāns');
  await expect(notice(page)).toHaveCount(0);
  await expect(page.locator('.result-missing')).toHaveCount(0);
});

test('following the experts needs a reason; with one the plan is signed and carries it', async ({ guardedPage: page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ib-order-'));
  await caseWithoutServices(page);
  await addService(page, 'logop', SPEECH, 0, 24);
  await addService(page, 'fizio', PHYSIO, 1, 20);
  await openStep(page, 'Vecāku prioritātes');
  await page.getByRole('radio', { name: 'Vecāki izvēlējās sekot speciālistu secībai' }).check();
  await expect(page.getByRole('radio', { name: 'Vecāki izvēlējās sekot speciālistu secībai' })).toBeFocused();
  const reason = page.getByLabel('Kāpēc vecāki izvēlējās sekot speciālistu secībai?');
  await expect(reason).toBeVisible();
  // No moving while the parents follow the experts.
  await expect(page.locator('#rank-up-1')).toHaveCount(0);
  // An empty reason: the error summary names the field and links to it.
  await page.locator('#continue').click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vecāku prioritātes: kāpēc vecāki izvēlējās sekot speciālistu secībai — šo lauku nedrīkst atstāt tukšu.');
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await summary.getByRole('link').first().click();
  await expect(reason).toBeFocused();
  await openStep(page, 'Paraksti un eksports');
  await expect(notice(page)).toContainText('Nav ierakstīts, kāpēc vecāki izvēlējās sekot speciālistu secībai');
  await expect(page.getByRole('button', { name: /^Parakstīt kā/ })).toHaveCount(0);

  // With a reason the plan is final and can be signed; the signed plan carries it.
  await openStep(page, 'Vecāku prioritātes');
  await reason.fill('Sanāksmē vecāki teica, ka uzticas komandas secībai.');
  await expect(page.locator('.parents-rank-unranked')).toHaveCount(0);
  await expect(stepLink(page, 'Vecāku prioritātes')).not.toContainText('(');
  await openStep(page, 'Paraksti un eksports');
  await expect(page.locator('.parents-follow-note')).toHaveText('Vecāki izvēlējās sekot speciālistu secībai. Iemesls: Sanāksmē vecāki teica, ka uzticas komandas secībai.');
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('li.participant').first().locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await expectNoAxeViolations(page);
  const { file } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  expect(doc.case.parentsOrder).toEqual({ followExperts: { reason: 'Sanāksmē vecāki teica, ka uzticas komandas secībai.' } });
  expect(doc.case.services.map((s) => [s.expertRank, s.parentRank])).toEqual([[1, 1], [2, 2]]);
  expect(doc.proof).toBeTruthy();
});

test('the parents\' order in English: not ranked yet, provisional, needs a look', async ({ guardedPage: page }) => {
  test.setTimeout(90_000);
  await caseWithoutServices(page, true);
  await addService(page, 'speech', 'Speech therapy session', 0, 24, true);
  await addService(page, 'physio', 'Physiotherapy session', 1, 20, true);
  await expect(stepLink(page, 'Parents\' ranking')).toContainText('(not ranked yet)');
  await openStep(page, 'Parents\' ranking');
  await expect(page.locator('.parents-not-ranked')).toContainText('Not ranked yet');
  await expect(page.locator('.parents-rank-unranked').first()).toHaveText('Not ranked yet.');
  await expect(page.locator('.parents-rank-item').first()).toContainText('The experts have not said yet which goals this service serves.');
  await expectNoAxeViolations(page);
  await openStep(page, 'Plan');
  await expect(notice(page)).toContainText('Provisional plan: the parents have not ranked the services yet');
  await expect(notice(page)).toContainText('Provisional, in the experts\' order alone (the parents\' order is not counted)');
  await expectNoAxeViolations(page);
  await openStep(page, 'Parents\' ranking');
  await page.locator('#rank-down-0').click();
  await expect(page.locator('.parents-ranked')).toHaveText('The parents have ranked the services.');
  await openStep(page, 'Services');
  await page.getByRole('button', { name: 'Move up: Physiotherapy session' }).click();
  await openStep(page, 'Parents\' ranking');
  await expect(page.locator('.parents-needs-look')).toContainText('The parents\' order needs a look');
  await expect(page.locator('.parents-needs-look .parents-changes li')).toHaveText(['Physiotherapy session — moved in the experts\' order']);
  await expect(stepLink(page, 'Parents\' ranking')).toContainText('(needs a look)');
  await expectNoAxeViolations(page);
  await openStep(page, 'Signatures and export');
  await expect(notice(page)).toContainText('Provisional plan: the parents\' order needs a look');
  await expect(page.getByRole('button', { name: /^Sign as/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the example case (ranked) notices an experts\' reorder too', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/\/result$/);
  await expect(notice(page)).toHaveCount(0);
  await openStep(page, 'Pakalpojumi');
  await page.getByRole('button', { name: `Pārvietot uz augšu: ${SPEECH}` }).click();
  await expect(page.locator('.service-name').first()).toContainText(SPEECH);
  await openStep(page, 'Plāns');
  await expect(notice(page)).toContainText('Provizorisks plāns: vecāku secība jāpārskata');
  await expect(notice(page).locator('.parents-changes')).toHaveText(`${SPEECH} — pārvietots speciālistu secībā`);
  await expectNoAxeViolations(page);
});
