// The expert team's screens: choosing specialists (with a confirmation before scores
// would be deleted), ICF qualifiers per domain entered with the keyboard, the team's GAS
// goals linked to the parents' goals (error summary, T-score, delete with confirmation).
// Reloads mid-way prove nothing was lost; axe-core scans every screen.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { openStep } from './flow-helpers.mjs';

const h1 = (page) => page.locator('main h1');
const unknownLink = (page, id) => page.getByRole('checkbox', { name: `${id} (nav atrodams anketā)` });

/** A domain's row of the assessment grid (a group named by the domain). */
const domainRow = (page, domain) => page.getByRole('group', { name: domain, exact: true });

/** The qualifier choice of one domain and one member: its name says both. */
const qualifier = (page, domain, member) =>
  page.getByRole('combobox', { name: `${domain}, ${member}`, exact: true });

/** The folded note under one cell: its summary and its text area. */
const noteToggle = (page, domain, member) =>
  domainRow(page, domain).locator('summary', { hasText: `Piezīme — ${domain}, ${member}` });
const note = (page, domain, member) =>
  page.getByRole('textbox', { name: new RegExp(`^Piezīme — ${domain.replace(/[()]/g, '\\$&')}, ${member}`) });

test('team and assessment: choose specialists, score three domains by keyboard, reload, cancel a removal', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(page)).toHaveText('Bērns');
  await openStep(page, 'Komanda');
  await expect(page.getByText('✓ Sociālais darbinieks — ir komandā')).toBeVisible();
  await expect(page.getByText('✓ Ārsts rehabilitologs — ir komandā')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Fizioterapeits' })).not.toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: 'Fizioterapeits' }).check();
  await page.getByRole('group', { name: 'Fizioterapeits', exact: true }).getByLabel('Vārds vai iniciāļi (nav obligāti)').fill('J. Bērziņš');
  await page.getByRole('checkbox', { name: 'Psihologs' }).check();
  await page.getByRole('group', { name: 'Psihologs', exact: true }).getByLabel('Vārds vai iniciāļi (nav obligāti)').fill('L. Ozola');
  await expect(page.locator('fieldset.team-member')).toHaveCount(4);
  await expectNoAxeViolations(page);

  await openStep(page, 'Novērtējums');
  const PT = 'Fizioterapeits: J. Bērziņš';
  await expect(qualifier(page, 'Mobilitāte (d4)', PT)).toBeVisible();
  await expect(qualifier(page, 'Mobilitāte (d4)', 'Psihologs: L. Ozola')).toBeVisible();
  await expect(domainRow(page, 'Mobilitāte (d4)')).toContainText('Vēl neviens nav novērtējis');
  await expectNoAxeViolations(page);

  // Keyboard only: type-ahead picks the qualifier, Tab reaches the folded note that
  // appears, Enter opens it, Tab goes into it.
  await qualifier(page, 'Mobilitāte (d4)', PT).focus();
  await page.keyboard.type('2');
  await expect(qualifier(page, 'Mobilitāte (d4)', PT)).toHaveValue('2');
  await page.keyboard.press('Tab');
  await expect(noteToggle(page, 'Mobilitāte (d4)', PT)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(note(page, 'Mobilitāte (d4)', PT)).toBeFocused();
  await page.keyboard.type('Staigā patstāvīgi, nelīdzenā virsmā nestabils.');
  await page.keyboard.press('Tab');
  await expect(qualifier(page, 'Mobilitāte (d4)', 'Psihologs: L. Ozola')).toBeFocused();
  await qualifier(page, 'Pašaprūpe (d5)', PT).focus();
  await page.keyboard.type('3');
  await qualifier(page, 'Saziņa (d3)', PT).focus();
  await page.keyboard.type('9');
  await expect(qualifier(page, 'Saziņa (d3)', PT)).toHaveValue('9');
  await expect(qualifier(page, 'Pašaprūpe (d5)', PT).locator('option:checked')).toHaveText('3 — smaga problēma (50–95 %)');
  await expect(domainRow(page, 'Mobilitāte (d4)')).toContainText('2 (mērena); novērtējuši 1 no 4');
  await expect(noteToggle(page, 'Mobilitāte (d4)', PT)).toContainText('ierakstīta');

  await page.reload();
  await expect(h1(page)).toHaveText('Novērtējums');
  await expect(qualifier(page, 'Mobilitāte (d4)', PT)).toHaveValue('2');
  await expect(qualifier(page, 'Pašaprūpe (d5)', PT)).toHaveValue('3');
  await expect(qualifier(page, 'Saziņa (d3)', PT)).toHaveValue('9');
  await expect(qualifier(page, 'Kopienas dzīve (d9)', PT)).toHaveValue('');
  await noteToggle(page, 'Mobilitāte (d4)', PT).click();
  await expect(note(page, 'Mobilitāte (d4)', PT)).toHaveValue('Staigā patstāvīgi, nelīdzenā virsmā nestabils.');

  // Unscoring a domain removes it; the others keep their scores and notes.
  await qualifier(page, 'Saziņa (d3)', PT).selectOption('');
  await expect(domainRow(page, 'Saziņa (d3)')).toContainText('Vēl neviens nav novērtējis');
  await qualifier(page, 'Saziņa (d3)', PT).selectOption('1');
  await expect(domainRow(page, 'Saziņa (d3)')).toContainText('1 (viegla); novērtējuši 1 no 4');
  await expect(qualifier(page, 'Mobilitāte (d4)', PT)).toHaveValue('2');

  // Removing a specialist with scores asks first; "No" keeps everything.
  await openStep(page, 'Komanda');
  await page.getByRole('checkbox', { name: 'Fizioterapeits' }).click();
  const confirm = page.getByRole('group', { name: 'Apstipriniet speciālista noņemšanu' });
  await expect(confirm).toContainText('Fizioterapeits jau ir ievadījis vērtējumus (3).');
  await expect(page.getByRole('button', { name: 'Nē, paturēt komandā' })).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Fizioterapeits' })).toBeChecked();
  await expectNoAxeViolations(page);
  // Editing another field leaves the open question as it is (the same buttons, so a
  // keyboard user's place in it is kept).
  const keep = page.getByRole('button', { name: 'Nē, paturēt komandā' });
  await keep.evaluate((button) => { button.dataset.marked = 'yes'; });
  const ptName = page.getByRole('group', { name: 'Fizioterapeits', exact: true }).getByLabel('Vārds vai iniciāļi (nav obligāti)');
  await ptName.fill('J. B.');
  await ptName.fill('J. Bērziņš');
  await expect(keep).toHaveAttribute('data-marked', 'yes');
  await page.getByRole('button', { name: 'Nē, paturēt komandā' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Fizioterapeits' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Fizioterapeits' })).toBeFocused();
  await expect(page.getByRole('group', { name: 'Fizioterapeits', exact: true }).getByLabel('Vārds vai iniciāļi (nav obligāti)')).toHaveValue('J. Bērziņš');

  // A specialist without scores goes at once.
  await page.getByRole('checkbox', { name: 'Psihologs' }).uncheck();
  await expect(page.getByRole('group', { name: 'Psihologs', exact: true })).toHaveCount(0);
  await openStep(page, 'Novērtējums');
  await expect(qualifier(page, 'Pašaprūpe (d5)', 'Fizioterapeits: J. Bērziņš')).toHaveValue('3');
  await expect(domainRow(page, 'Mobilitāte (d4)').getByRole('combobox')).toHaveCount(3);
});

test('goals: add a long-term goal linked to a parents\' goal, error summary, five levels, T-score, reload, delete', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/\/result$/);
  await openStep(page, 'Mērķi');
  await expect(page.getByRole('heading', { level: 2, name: 'Ilgtermiņa mērķi' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Īstermiņa mērķi' })).toBeVisible();
  await expect(page.getByText('Sākumā (mērķu skaits: 4)')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Pievienot ilgtermiņa mērķi' }).click();
  const card = page.locator('section.goal-card', { has: page.getByRole('heading', { level: 3, name: 'Mērķis G5' }) });
  await expect(card).toBeVisible();
  await expect(card.getByLabel('Mērķis', { exact: true })).toBeFocused();
  await expect(card.getByRole('radio', { name: 'Ilgtermiņa' })).toBeChecked();
  await card.getByRole('checkbox', { name: 'Lai Anna var pateikt īsos teikumos, ko vēlas, un citi viņu saprot.' }).check();
  const levels = [
    ['−2: daudz mazāk nekā gaidīts', 'Nesaka nevienu vārdu skolā.'],
    ['−1: mazāk nekā gaidīts', 'Saka atsevišķus vārdus skolotājai.'],
    ['0: gaidītais rezultāts', 'Saka 2 vārdu frāzes skolotājai.'],
    ['+1: vairāk nekā gaidīts', 'Saka 2 vārdu frāzes klasesbiedriem.'],
    ['+2: daudz vairāk nekā gaidīts', 'Saka 3 vārdu teikumus klasesbiedriem.'],
  ];
  for (const [label, text] of levels) await card.getByLabel(label).fill(text);
  await expect(card.getByLabel('Sākuma līmenis')).toHaveValue('-1');

  // Continue with the goal's text empty: the error summary names it and links to it.
  await page.locator('#continue').click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(/Mērķi: mērķis G\d+, mērķa teksts — šo lauku nedrīkst atstāt tukšu\./);
  await expect(card.locator('.error-message')).toContainText('mērķa teksts — šo lauku nedrīkst atstāt tukšu.');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /^Mērķi: mērķis G\d+, mērķa teksts/ }).click();
  await expect(card.getByLabel('Mērķis', { exact: true })).toBeFocused();
  await page.keyboard.type('Anna runā ar klasesbiedriem īsos teikumos.');
  await expect(summary).toHaveCount(0);

  // Attained level at the review: the T-score appears with two decimals.
  await card.getByLabel('Sasniegtais līmenis (pārskatīšanā)').selectOption('0');
  await expect(page.getByText('Sasniegtais (pārskatīti 1 no 5 mērķiem): 50,00; ar svariem 50,00')).toBeVisible();

  await page.reload();
  await expect(h1(page)).toHaveText('Mērķi');
  const cardAgain = page.locator('section.goal-card', { has: page.getByRole('heading', { level: 3, name: 'Mērķis G5' }) });
  await expect(cardAgain.getByLabel('Mērķis', { exact: true })).toHaveValue('Anna runā ar klasesbiedriem īsos teikumos.');
  await expect(cardAgain.getByRole('checkbox', { name: 'Lai Anna var pateikt īsos teikumos, ko vēlas, un citi viņu saprot.' })).toBeChecked();
  for (const [label, text] of levels) await expect(cardAgain.getByLabel(label)).toHaveValue(text);

  // Moving it to the short-term group keeps it; deleting asks first.
  await cardAgain.getByRole('radio', { name: 'Īstermiņa' }).check();
  await expect(page.locator('section.goal-group').nth(1).getByRole('heading', { level: 3, name: 'Mērķis G5' })).toBeVisible();
  await cardAgain.getByRole('button', { name: 'Dzēst mērķi G5' }).click();
  await expect(cardAgain.getByRole('button', { name: 'Nē, paturēt' })).toBeFocused();
  await cardAgain.getByRole('button', { name: 'Nē, paturēt' }).click();
  await expect(cardAgain).toBeVisible();
  await cardAgain.getByRole('button', { name: 'Dzēst mērķi G5' }).click();
  await cardAgain.getByRole('button', { name: 'Jā, dzēst mērķi' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Mērķis G5' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pievienot īstermiņa mērķi' })).toBeFocused();
  await expect(page.getByText('Sasniegtā līmeņa T-vērtība parādīsies')).toBeVisible();
});

test('the team screens speak English too, with no message missing', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Open example case' }).click();
  await expect(page).toHaveURL(/\/result$/);
  for (const [step, check] of [
    ['Team', 'Which specialists take part in the assessment?'],
    ['Assessment', "The family's needs (not ICF domains)"],
    ['Goals', 'Long-term goals'],
  ]) {
    await openStep(page, step);
    await expect(page.getByText(check).first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('⟨?⟩');
    await expectNoAxeViolations(page);
  }
});

test('unticking links to parents\' goals that are gone moves focus to the next one, never lost', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/\/result$/);
  // Links to parents' goals the questionnaire no longer has (as after importing other
  // answers): put two into the stored case and reload.
  const id = new URL(page.url()).hash.split('/')[2];
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.case.goals[0].parentGoals.push('PG98', 'PG99');
    localStorage.setItem(key, JSON.stringify(stored));
  }, `ib-planner/case/${id}`);
  await page.reload();
  await openStep(page, 'Mērķi');
  const group = page.locator('fieldset.goal-parents').first();
  await expect(unknownLink(page, 'PG98')).toBeChecked();
  await unknownLink(page, 'PG98').focus();
  await page.keyboard.press('Space');
  await expect(unknownLink(page, 'PG98')).toHaveCount(0);
  await expect(unknownLink(page, 'PG99')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(unknownLink(page, 'PG99')).toHaveCount(0);
  // None left: focus goes to the last link to a goal that exists.
  await expect(group.getByRole('checkbox').last()).toBeFocused();
});

test('fields that appear while the error summary shows are named in it', async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/\/result$/);
  await openStep(page, 'Mērķi');
  await page.getByRole('button', { name: 'Pievienot ilgtermiņa mērķi' }).click();
  await page.locator('#continue').click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  const before = await summary.getByRole('listitem').count();
  // A second new goal while the summary shows: its problems join the summary, and each
  // names its step and field ("Mērķi: mērķis G6, mērķa teksts — …"), although the
  // summary was built before those fields.
  await page.getByRole('button', { name: 'Pievienot īstermiņa mērķi' }).click();
  await expect.poll(() => summary.getByRole('listitem').count()).toBeGreaterThan(before);
  await expect
    .poll(async () => (await summary.getByRole('listitem').allInnerTexts()).filter((t) => !/^[^:]+: \S/.test(t)))
    .toEqual([]);
  await expect(summary.getByRole('link', { name: /^Mērķi: mērķis G\d+, mērķa teksts — / })).toHaveCount(2);
});
