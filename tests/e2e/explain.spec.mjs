// Reasons that say what would change the outcome, and the printed plan (issue 11, items 2
// and 8): the example plan's technical aid (134,00 € left, one unit 150,00 €, so 16,00 €
// more or a place above the psychologist) and transport (38,00 € left, 10,00 € more for
// one more trip), the combined score in one sentence with its parts, in the same words on
// the plan, verify and print screens, in Latvian and English; the print view with the
// parents' goals, the assessment, the team goals with their GAS levels, the charts and a
// signature block with every participant.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, downloadInto } from './flow-helpers.mjs';

const WORDS = {
  lv: {
    tech:
      'Nav finansēts: kad pienāca tā kārta, bija atlikuši 134,00 €, bet vienības cena ir 150,00 €. ' +
      'Atlikumu saņēma lētāki pakalpojumi zemāk sarakstā. ' +
      'Vienu vienību finansētu, ja budžetā būtu par 16,00 € vairāk vai ja pakalpojums sarakstā būtu virs “6. Psihologa konsultācija”. ' +
      'Kopējais vērtējums: eksperti 8. vietā → 3 punkti × 60 % + vecāki 6. vietā → 5 punkti × 40 % = 3,8.',
    transport:
      'Daļēji finansēts: 3 no 48 vienībām — kad pienāca tā kārta, bija atlikuši 38,00 €, un vienības cena ir 12,00 €. ' +
      'Vēl vienu vienību finansētu, ja budžetā būtu par 10,00 € vairāk vai ja pakalpojums sarakstā būtu virs “8. Atbalsta grupa vecākiem”.',
    capped: 'Finansēts līdz limitam: 15 diennaktis šajā plānā (ne vairāk kā 30 diennaktis gadā). Pārējais (5 diennaktis) pārsniedz limitu; lielāks budžets to nemainītu.',
    score: 'Kopējais vērtējums: eksperti 2. vietā → 9 punkti × 60 % + vecāki 1. vietā → 10 punkti × 40 % = 9,4.',
    points: '9,4',
  },
  en: {
    tech:
      'Not funded: €134.00 was left when its turn came, but one item costs €150.00. ' +
      'What was left went to cheaper services below it. ' +
      'One item would be funded with €16.00 more in the budget, or if it were above “6. Psychologist consultation” in the order. ' +
      'Combined score: experts rank 8 → 3 points × 60 % + parents rank 6 → 5 points × 40 % = 3.8.',
    transport:
      'Partly funded: 3 of 48 items — €38.00 was left when its turn came, and one item costs €12.00. ' +
      'One more item would be funded with €10.00 more in the budget, or if it were above “8. Support group for parents” in the order.',
    capped: 'Capped at 15 days (24 h) in this plan (at most 30 days (24 h) a year). The rest (5 days (24 h)) is above the limit; a larger budget would not change that.',
    score: 'Combined score: experts rank 2 → 9 points × 60 % + parents rank 1 → 10 points × 40 % = 9.4.',
    points: '9.4',
  },
};

/** The language switch's button for a language (named by its visible text or in full). */
const langButton = (page, lang) =>
  page.locator('header').getByRole('button', { name: lang === 'en' ? /^EN — English$/ : /^LV — latviešu valoda$/ });

/** Every explained sentence of the example appears in `region`, in `lang`. */
async function expectExplained(region, lang) {
  const w = WORDS[lang];
  for (const text of [w.tech, w.transport, w.capped, w.score]) {
    await expect(region).toContainText(money(text));
  }
}

async function openExamplePlan(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');
}

async function goStep(page, slug) {
  await page.evaluate((slug) => { location.hash = location.hash.replace(/[^/]+$/, slug); }, slug);
}

test('the plan says what was left, what one unit costs and the smallest change, and explains the score', async ({ guardedPage: page }) => {
  await openExamplePlan(page);
  const main = page.locator('main');
  await expectExplained(main, 'lv');
  // "Budget ran out" is not said of a line while cheaper lines below it are funded.
  await expect(main).not.toContainText('budžets beidzās');
  await expectNoAxeViolations(page);
  await langButton(page, 'en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan');
  await expectExplained(main, 'en');
  await expect(main).not.toContainText('the budget ran out');
  await expectNoAxeViolations(page);
  await langButton(page, 'lv').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');
});

test('verify and print give each reason in the plan screen\'s words, points in one format', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-explain-'));
  await openExamplePlan(page);
  await goStep(page, 'sign');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paraksti un eksports');
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 1 no 6 dalībniekiem.');

  // The print view: the same words, the plan's other parts and every participant.
  await page.emulateMedia({ media: 'print' });
  const printView = page.locator('#print-view');
  await expect(printView).toBeVisible();
  await expectExplained(printView, 'lv');
  await expect(printView.locator('.plan-lines tbody tr').first().locator('td').nth(1)).toHaveText(WORDS.lv.points);
  await expect(printView.getByRole('heading', { name: 'Vecāku mērķi un vērtējumi' })).toBeVisible();
  await expect(printView.getByRole('table', { name: 'Vecāku mērķi un vērtējumi' }).locator('tbody tr')).toHaveCount(3);
  await expect(printView.getByRole('table', { name: 'Vajadzību novērtējums (SFK kvalifikatori)' })).toBeVisible();
  await expect(printView.getByRole('table', { name: 'Vajadzību novērtējums (SFK kvalifikatori)' })).toContainText('Mobilitāte');
  const goals = printView.locator('.print-goal');
  await expect(goals).toHaveCount(4);
  await expect(goals.first().locator('.print-levels li')).toHaveCount(5);
  await expect(goals.first()).toContainText('Sākuma līmenis: −');
  await expect(goals.first()).toContainText('+2: daudz vairāk nekā gaidīts');
  await expect(printView.locator('.chart svg[role="img"]')).toHaveCount(2);
  await expect(printView).toContainText(money('Atlikums2,00 €'));
  const signatures = printView.getByRole('table', { name: 'Paraksti' });
  await expect(signatures.locator('tbody tr')).toHaveCount(6);
  await expect(signatures.locator('tbody tr', { hasText: 'Vēl nav parakstīts' })).toHaveCount(5);
  await expect(signatures.locator('tbody tr', { hasText: 'Vecāks (likumiskais pārstāvis)' })).toContainText('Parakstīts — paraksts derīgs');
  await expectNoAxeViolations(page);
  // The header (and its language switch) is not printed: switch on screen.
  await page.emulateMedia({ media: 'screen' });
  await langButton(page, 'en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signatures and export');
  await page.emulateMedia({ media: 'print' });
  await expectExplained(printView, 'en');
  await expect(printView.locator('.plan-lines tbody tr').first().locator('td').nth(1)).toHaveText(WORDS.en.points);
  await expect(printView.getByRole('heading', { name: "The parents' goals and ratings" })).toBeVisible();
  const signaturesEn = printView.getByRole('table', { name: 'Signatures' });
  await expect(signaturesEn.locator('tbody tr', { hasText: 'Not signed yet' })).toHaveCount(5);
  await page.emulateMedia({ media: 'screen' });
  await expect(printView).toBeHidden();
  await langButton(page, 'lv').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paraksti un eksports');

  // The signed plan on the Verify screen: the same words again.
  const { file } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);
  await page.goto('/#/verify');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pārbaudīt plāna failu');
  await page.getByLabel('Plāna fails').setInputFiles({
    name: 'CESIS-2025-017-plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(readFileSync(file, 'utf8')),
  });
  await expect(page.locator('.verify-verdict')).toHaveText(/Visi paraksti ir derīgi \(1\)/);
  const planView = page.locator('.plan-view');
  await expectExplained(planView, 'lv');
  await expect(planView.locator('.plan-lines tbody tr').first().locator('td').nth(1)).toHaveText(WORDS.lv.points);
  await expectNoAxeViolations(page);
  await langButton(page, 'en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a plan file');
  await expectExplained(planView, 'en');
  await expect(planView.locator('.plan-lines tbody tr').first().locator('td').nth(1)).toHaveText(WORDS.en.points);
  await expectNoAxeViolations(page);
  await langButton(page, 'lv').click();
});
