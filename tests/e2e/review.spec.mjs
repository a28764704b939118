// The review after the plan period (issue 15): the example case's plan signed, the review
// filled in (attained GAS levels, the parents' new ratings, delivery, comments), its
// outcome shown and equal to what `ibplan review` computes, the review signed and
// downloaded, and verified on the Verify screen with and without its plan.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, ibplanBinary, ensureIbplan, downloadInto } from './flow-helpers.mjs';

const INPUT = JSON.parse(readFileSync(join(root, 'tests', 'data', 'example-review-input.json'), 'utf8'));
const h1 = (page) => page.getByRole('heading', { level: 1 });
/** No sideways scrolling (the phone width included). */
async function expectNoSidewaysScroll(page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Goes to a step of the open case through its URL (the step list is folded on phones). */
async function goStep(page, slug) {
  await page.evaluate((slug) => { location.hash = location.hash.replace(/[^/]+$/, slug); }, slug);
}

/** The example case, its plan signed by the parent; on the sign step. */
async function signedExample(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await goStep(page, 'sign');
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 1 no 6 dalībniekiem.');
}

const field = (page, pointer) => page.locator(`#f${pointer.replace(/[^A-Za-z0-9]/g, '-')}`);

/** Fills the review form from the `ibplan review` input of tests/data (same order as the plan). */
async function fillReview(page) {
  for (const [i, goal] of INPUT.goals.entries()) {
    await field(page, `/review/input/goals/${i}/attained`).selectOption(String(goal.attained));
    await field(page, `/review/input/goals/${i}/note`).fill(goal.note ?? '');
    await field(page, `/review/input/goals/${i}/conclusion`).selectOption(goal.conclusion);
  }
  for (const [i, goal] of INPUT.parentGoals.entries()) {
    await field(page, `/review/input/parentGoals/${i}/performance`).fill(String(goal.performance));
    await field(page, `/review/input/parentGoals/${i}/satisfaction`).fill(String(goal.satisfaction));
  }
  for (const [i, line] of INPUT.delivery.entries()) {
    await field(page, `/review/input/delivery/${i}/delivered`).fill(String(line.delivered));
  }
  await field(page, '/review/input/comments').fill(INPUT.comments);
}

function ibplan(args) {
  try {
    return { code: 0, out: execFileSync(ibplanBinary, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

test('review a signed plan: form, outcome as the CLI computes it, signatures, verify with and without the plan', async ({ guardedPage: page }) => {
  ensureIbplan();
  const dir = mkdtempSync(join(tmpdir(), 'ib-review-'));
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);

  // Before the plan is signed the review says what to do first, with a link.
  await goStep(page, 'review');
  await expect(h1(page)).toHaveText('Pārskats pēc perioda');
  await expect(page.locator('#review-blocked')).toContainText('Vispirms parakstiet plānu');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Uz parakstu soli' }).click();
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 1 no 6 dalībniekiem.');
  const { file: planFile } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);

  // Start the review: focus moves to the form, every goal and funded service is listed.
  await goStep(page, 'review');
  await expect(h1(page)).toHaveText('Pārskats pēc perioda');
  await page.getByRole('button', { name: 'Sākt pārskatu' }).click();
  await expect(page.locator('#review-form-title')).toBeFocused();
  await expect(page.locator('fieldset.review-item')).toHaveCount(INPUT.goals.length + INPUT.parentGoals.length);
  await expect(page.locator('[id^="f-review-input-delivery-"]')).toHaveCount(INPUT.delivery.length);
  await expect(page.getByText('Lietā nav pakalpojumu sniegšanas uzskaites')).toBeVisible();

  // Asking for the outcome of an empty form: the error summary, focused, links to fields.
  await page.getByRole('button', { name: 'Parādīt iznākumu' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('1. mērķis: sasniegtais līmenis');
  await expect(summary).toContainText('Logopēda nodarbība: sniegtās vienības');
  await expectNoAxeViolations(page);

  // Fill in half, reload: nothing is lost.
  await field(page, '/review/input/goals/0/attained').selectOption('0');
  await field(page, '/review/input/parentGoals/0/performance').fill('6');
  await page.reload();
  await expect(h1(page)).toHaveText('Pārskats pēc perioda');
  await expect(field(page, '/review/input/goals/0/attained')).toHaveValue('0');
  await expect(field(page, '/review/input/parentGoals/0/performance')).toHaveValue('6');

  // More delivered than funded is refused at its field.
  await field(page, '/review/input/delivery/0/delivered').fill('999');
  await page.getByRole('button', { name: 'Parādīt iznākumu' }).click();
  await expect(summary).toContainText('Norādītas 999 sniegtās vienības, bet plāns finansēja 24.');

  await fillReview(page);
  await page.getByRole('button', { name: 'Parādīt iznākumu' }).click();
  await expect(page.locator('#review-outcome-title')).toBeFocused();
  await expect(page.locator('#error-summary')).toHaveCount(0);

  // The outcome is the one `ibplan review` computes from the same plan and input.
  const inputFile = join(dir, 'input.json');
  writeFileSync(inputFile, JSON.stringify(INPUT));
  const cli = ibplan(['review', planFile, inputFile]);
  expect(cli.code, cli.out).toBe(0);
  const expected = JSON.parse(cli.out);
  const lv = (text) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text).replace('.', ',');
  const gas = expected.outcome.gas;
  await expect(page.locator('.review-outcome')).toContainText('ρ = 0,3');
  const overall = page.locator('#review-gas-table tbody tr').first();
  await expect(overall).toContainText(`Visi (${INPUT.goals.length})`);
  await expect(overall).toContainText(lv(gas.overall.baseline.unweighted));
  await expect(overall).toContainText(lv(gas.overall.review.unweighted));
  await expect(overall).toContainText(`svērtā ${lv(gas.overall.review.weighted)}`);
  const copm = page.locator('#review-copm-table tbody tr');
  await expect(copm.first()).toContainText('nozīmīga izmaiņa');
  await expect(copm.last()).toContainText(lv(expected.outcome.copm.review.performance));
  const d = expected.outcome.delivery;
  await expect(page.locator('#review-delivery-total')).toHaveText(
    `Kopā sniegtas ${d.delivered} no ${d.funded} finansētajām vienībām: ${lv(d.percent)}\u00a0%.`);
  await expect(page.locator('#review-delivery-table tbody tr')).toHaveCount(d.services.length);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Sign the review as the parent and as the social worker; download it.
  await page.getByRole('button', { name: 'Parakstīt pārskatu: Vecāks (likumiskais pārstāvis)' }).click();
  await page.getByRole('button', { name: 'Parakstīt pārskatu: Sociālais darbinieks (I. Kalniņa)' }).click();
  await expect(page.locator('.review-screen .sign-progress')).toHaveText('Derīgi paraksti: 2 no 6 dalībniekiem.');
  const { file: reviewFile, name } = await downloadInto(page, page.locator('#download-review'), dir);
  expect(name).toBe('CESIS-2025-017-review.json');
  const review = JSON.parse(readFileSync(reviewFile, 'utf8'));
  expect(review.proof).toHaveLength(2);
  const { proof, engineVersion, ...unsigned } = review;
  const { engineVersion: v2, ...expectedUnsigned } = expected;
  expect(unsigned).toEqual(expectedUnsigned);
  const verified = ibplan(['verify', '--plan', planFile, reviewFile]);
  expect(verified.code, verified.out).toBe(0);

  // A change after signing outdates the review's signatures.
  await field(page, '/review/input/comments').fill('Vēl viena piezīme.');
  await expect(page.locator('.review-screen .sign-progress')).toHaveText('Derīgi paraksti: 0 no 6 dalībniekiem.');
  await expect(page.locator('.review-screen li.participant').first()).toContainText('Novecojis — pārskats mainīts pēc parakstīšanas');

  // The Verify screen: without the plan it says so; with it, the link is checked.
  await page.goto('/#/verify');
  await expect(h1(page)).toHaveText('Pārbaudīt plāna failu');
  await page.getByLabel('Plāna fails', { exact: true }).setInputFiles(reviewFile);
  await expect(page.locator('#review-verdict')).toContainText('Pārskats ir pārbaudīts');
  await expect(page.locator('#review-recompute')).toContainText('Pārskats pārrēķināts: iznākums sakrīt');
  await expect(page.locator('#verify-result .signature-list > li')).toHaveCount(2);
  await expect(page.locator('#review-plan-link')).toContainText('Plāns netika dots līdzās pārskatam');
  await expect(page.locator('#review-delivery-total')).toContainText(`${d.delivered} no ${d.funded}`);
  await expectNoAxeViolations(page);
  await page.getByLabel('Plāna fails (nav obligāts)').setInputFiles(planFile);
  await expect(page.locator('#review-plan-link')).toBeFocused();
  await expect(page.locator('#review-plan-link')).toContainText('Dotais plāns ir tieši tas, par kuru ir pārskats');
  // With the plan, goals and services are named.
  await expect(page.locator('#review-delivery-table')).toContainText('Logopēda nodarbība');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#review-verdict')).toContainText('The review verifies');
  await expect(page.locator('#review-plan-link')).toContainText('The plan given is exactly the one the review is about');
  await page.getByRole('button', { name: 'Latviešu' }).click();

  // Another plan beside it: the link fails, and so does the review.
  const other = JSON.parse(readFileSync(planFile, 'utf8'));
  other.case.child.id = 'CITS-1';
  const otherFile = join(dir, 'other-plan.json');
  writeFileSync(otherFile, JSON.stringify(other));
  await page.getByLabel('Plāna fails (nav obligāts)').setInputFiles(otherFile);
  await expect(page.locator('#review-plan-link')).toContainText('Dotais plāns nav tas, par kuru ir pārskats');
  await expect(page.locator('#review-verdict')).toContainText('Pārskats nav pārbaudīts');
});

test('the review step in English; a tampered review does not recompute on the Verify screen', async ({ guardedPage: page }) => {
  await signedExample(page);
  await page.getByRole('button', { name: 'English' }).click();
  await goStep(page, 'review');
  await expect(h1(page)).toHaveText('Review after the period');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await expect(page.getByLabel('Goal 1: level attained')).toBeVisible();
  await fillReview(page);
  await page.getByRole('button', { name: 'Show the outcome' }).click();
  await expect(page.locator('#review-outcome-title')).toBeFocused();
  await expect(page.locator('#review-gas-table')).toContainText('All (4)');
  await expect(page.locator('#review-copm-table')).toContainText('important change');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign the review as Parent (legal representative)' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'ib-review-en-'));
  const { file } = await downloadInto(page, page.locator('#download-review'), dir);
  const review = JSON.parse(readFileSync(file, 'utf8'));
  review.outcome.delivery.percent = '100.00';
  await page.goto('/#/verify');
  await page.getByLabel('Plan file', { exact: true }).setInputFiles({
    name: 'tampered-review.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(review)),
  });
  await expect(page.locator('#review-recompute')).toContainText('The recomputed review differs at /outcome/delivery/percent');
  await expect(page.locator('#review-verdict')).toContainText('The review does not verify');
  await expectNoAxeViolations(page);
});

test('start the next plan from the review: prefilled, linked, and the child\'s history', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-next-'));
  await signedExample(page);
  await goStep(page, 'review');
  await page.getByRole('button', { name: 'Sākt pārskatu' }).click();
  await fillReview(page);
  await page.getByRole('button', { name: 'Parādīt iznākumu' }).click();
  await expect(page.locator('#review-outcome-title')).toBeFocused();
  await page.getByRole('button', { name: 'Parakstīt pārskatu: Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('.review-screen .sign-progress')).toHaveText('Derīgi paraksti: 1 no 6 dalībniekiem.');
  const { file: reviewFile } = await downloadInto(page, page.locator('#download-review'), dir);
  const review = JSON.parse(readFileSync(reviewFile, 'utf8'));
  const firstCase = page.url();

  // The next case opens at its goals: the goals not achieved (or dropped), from the level attained.
  await page.getByRole('button', { name: 'Sākt nākamo plānu no šī pārskata' }).click();
  await expect(h1(page)).toHaveText('Mērķi');
  expect(page.url()).not.toBe(firstCase);
  const carried = INPUT.goals.filter((g) => g.conclusion !== 'achieved' && g.conclusion !== 'drop');
  await expect(page.locator('section.goal-card')).toHaveCount(carried.length);

  // Its history: the first period (reviewed) and the new one; the chart's data table.
  await goStep(page, 'history');
  await expect(h1(page)).toHaveText('Bērna vēsture');
  await expect(page.locator('#history-follows')).toContainText(review.review.planDigest);
  await expect(page.locator('.history-period')).toHaveCount(2);
  await expect(page.locator('.history-period').last()).toContainText('Šim periodam vēl nav pārskata.');
  const rows = page.locator('#history-table tbody tr');
  await expect(rows).toHaveCount(2);
  const lv = (text) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text).replace('.', ',');
  await expect(rows.first()).toContainText('01.09.2025.');
  await expect(rows.first()).toContainText(lv(review.outcome.gas.overall.baseline.unweighted));
  await expect(rows.last()).toContainText('01.03.2026.');
  await expect(rows.last()).toContainText(lv(review.outcome.copm.review.performance));
  await expect(page.locator('.history-chart svg')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  // Each earlier document opens in place.
  await page.locator('.history-period').first().getByText('Rādīt pārskata iznākumu').click();
  await expect(page.locator('#history-0-review-delivery-total')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  // The earlier signed review travels with the next case.
  const { name: earlier } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt 1. perioda pārskatu' }), dir);
  expect(earlier).toBe('CESIS-2025-017-review.json');

  // The next plan, signed, names the plan and the review it follows; the Verify screen says so.
  await goStep(page, 'sign');
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 1 no 6 dalībniekiem.');
  const { file: nextPlan } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);
  const next = JSON.parse(readFileSync(nextPlan, 'utf8'));
  expect(next.case.follows.planDigest).toBe(review.review.planDigest);
  expect(next.case.follows.reviewDigest).toMatch(/^[0-9a-f]{64}$/);
  expect(next.case.settings.startDate).toBe('2026-03-01');
  await page.goto('/#/verify');
  await page.getByLabel('Plāna fails', { exact: true }).setInputFiles(nextPlan);
  await expect(page.locator('#verify-follows')).toContainText(`seko plānam ${review.review.planDigest}`);
  await expect(page.locator('#verify-follows')).toContainText(next.case.follows.reviewDigest);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#verify-follows')).toContainText(`it follows plan ${review.review.planDigest} and review`);
});
