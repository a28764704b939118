// Services, settings and the result: catalogue search and keyboard reordering, the
// weights in words, the plan with reasons in plain words and localised money, and the
// "what if" panel that changes the case only after confirmation.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';

const NB = '[\\s\\u00a0]';
const money = (text) => new RegExp(text.replace(/ /g, NB));

async function openExample(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plāns');
}

async function newCaseAt(page, slug) {
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/child$/);
  const url = page.url().replace(/\/child$/, `/${slug}`);
  await page.goto(url);
  await page.reload();
}

test('the example plan: reasons in words, totals in Latvian and English money, charts with text', async ({ guardedPage: page }) => {
  await openExample(page);
  const table = page.locator('#plan-table');
  await expect(table.locator('caption')).toHaveText('Pakalpojumi prioritāšu secībā un to finansējums');
  await expect(table.locator('tbody tr')).toHaveCount(10);
  const first = table.locator('tbody tr').first();
  await expect(first).toContainText('Logopēda nodarbība');
  await expect(first).toContainText('9,4');
  await expect(first).toContainText('Finansēts pilnībā');
  await expect(table).toContainText(money('Daļēji finansēts: 3 no 48 vienībām — kad pienāca tā kārta, bija atlikuši 38,00 €'));
  await expect(table).toContainText(money('Nav finansēts: kad pienāca tā kārta, bija atlikuši 134,00 €, bet vienības cena ir 150,00 €'));
  await expect(table).toContainText('Finansēts līdz limitam: 15 diennaktis šajā plānā (ne vairāk kā 30 diennaktis gadā)');
  const totals = page.locator('#result-totals');
  await expect(totals).toContainText(money('Budžets3 800,00 €'));
  await expect(totals).toContainText(money('Piešķirts3 798,00 €'));
  await expect(totals).toContainText(money('Atlikums2,00 €'));
  await expect(totals).toContainText(money('Neapmierinātā vajadzība1 456,00 €'));
  await expect(page.locator('.chart svg[role="img"]')).toHaveCount(2);
  await expect(page.locator('#chart-services-title')).toHaveText('Budžets pa pakalpojumiem');
  await page.getByText('Rādīt diagrammas datus').first().click();
  await expect(page.getByRole('table', { name: 'Budžets pa pakalpojumiem' })).toContainText(money('1 419,00 €'));
  await expect(page.getByText('GAS T vērtība sākumā: 31,86')).toBeVisible();
  // The plan fits the screen (cards on a phone, a table on a laptop): no sideways scrolling.
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan');
  await expect(totals).toContainText('Budget€3,800.00');
  await expect(totals).toContainText('Allocated€3,798.00');
  await expect(table).toContainText('Partly funded: 3 of 48 items — €38.00 was left when its turn came');
  await expect(table).toContainText('Capped at 258 hours in this plan (at most 10 hours a week at ages 5–17)');
  await expect(page.getByText('experts 60 %, parents 40 %').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Latviešu' }).click();
});

test('what if: a smaller budget moves lines without touching the saved plan until confirmed', async ({ guardedPage: page }) => {
  await openExample(page);
  const totals = page.locator('#result-totals');
  const budget = page.getByLabel('Budžets izmēģinājumam, eiro');
  await expect(budget).toHaveValue('3 800,00');
  await budget.fill('3 000,00');
  const status = page.locator('#whatif-status');
  await expect(status).toContainText('Pakalpojumi, kuru vieta vai finansējums mainās:');
  await expect(status.getByRole('table')).toContainText('Psihologa konsultācija');
  await expect(status).toContainText(money('Izmēģinājumā piešķirts 2 998,00 €'));
  await expectNoAxeViolations(page);
  // Not saved: the plan and, after a reload, the case are unchanged.
  await expect(totals).toContainText(money('Budžets3 800,00 €'));
  await page.reload();
  await expect(totals).toContainText(money('Budžets3 800,00 €'));
  await expect(page.getByLabel('Budžets izmēģinājumam, eiro')).toHaveValue('3 800,00');

  // The weights: parents only puts the parents' first choice on top.
  await page.getByLabel('Ekspertu vērtējuma īpatsvars izmēģinājumam').selectOption('0');
  await expect(status).toContainText('Izmēģinājumā');
  await page.getByRole('button', { name: 'Atjaunot saglabātos iestatījumus' }).click();
  await expect(status).toContainText('Ar šiem iestatījumiem plāns nemainās.');

  // Confirmed: the case changes and stays changed.
  await page.getByLabel('Budžets izmēģinājumam, eiro').fill('3000');
  await page.getByLabel('Ekspertu vērtējuma īpatsvars izmēģinājumam').selectOption('50');
  await page.getByRole('button', { name: 'Izmantot šos iestatījumus' }).click();
  await expect(page.getByText('Ierakstīt lietā budžetu')).toBeVisible();
  await page.getByRole('button', { name: 'Jā, izmantot' }).click();
  await expect(status).toContainText('Iestatījumi ierakstīti lietā');
  await expect(totals).toContainText(money('Budžets3 000,00 €'));
  await page.reload();
  await expect(totals).toContainText(money('Budžets3 000,00 €'));
  await expect(page.getByText('eksperti 50 %, vecāki 50 %').first()).toBeVisible();
  await page.goto(page.url().replace(/\/result$/, '/settings'));
  await expect(page.getByLabel('Individuālais budžets plāna periodam, eiro')).toHaveValue('3000.00');
});

test('services: search without accents, add, set the quantity, reorder with the keyboard, remove with confirmation', async ({ guardedPage: page }) => {
  await newCaseAt(page, 'services');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pakalpojumi');
  const search = page.getByLabel('Meklēt pakalpojumus pēc nosaukuma latviski vai angliski');
  await search.fill('fizio');
  await expect(page.getByText('Atrasto pakalpojumu skaits: 1')).toBeVisible();
  await page.getByRole('button', { name: 'Pievienot sarakstam: Fizioterapeita nodarbība' }).click();
  await expect(page.locator('#f-services-0-quantity')).toBeFocused();
  await page.keyboard.type('24');
  await expect(page.locator('.service-item').first()).toContainText(money('Izmaksas: 24 × 25,00 € = 600,00 €'));
  await expect(page.locator('.search-results')).toContainText('Jau ir sarakstā');

  await search.fill('aprupe majas');
  await expect(page.locator('.search-results')).toContainText('Aprūpe mājās');
  await search.fill('logop');
  await page.getByRole('button', { name: 'Pievienot sarakstam: Logopēda nodarbība' }).click();
  await page.locator('#f-services-1-quantity').fill('12');
  await expectNoAxeViolations(page);

  // Keyboard: focus "move up" on the second item and press Enter.
  await page.getByRole('button', { name: 'Pārvietot uz augšu: Logopēda nodarbība' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.service-name').first()).toContainText('1. prioritāte: Logopēda nodarbība');
  await expect(page.getByRole('button', { name: 'Pārvietot uz leju: Logopēda nodarbība' })).toBeFocused();

  await page.reload();
  await expect(page.locator('.service-name').nth(0)).toContainText('Logopēda nodarbība');
  await expect(page.locator('.service-name').nth(1)).toContainText('2. prioritāte: Fizioterapeita nodarbība');
  await expect(page.locator('#f-services-0-quantity')).toHaveValue('12');
  await expect(page.locator('#f-services-1-quantity')).toHaveValue('24');

  await page.getByRole('button', { name: 'Noņemt no saraksta: Logopēda nodarbība' }).click();
  await expect(page.getByText('Noņemt “Logopēda nodarbība” no saraksta?')).toBeVisible();
  await page.getByRole('button', { name: 'Nē, paturēt' }).click();
  await expect(page.locator('.service-item')).toHaveCount(2);
  await page.getByRole('button', { name: 'Noņemt no saraksta: Logopēda nodarbība' }).click();
  await page.getByRole('button', { name: 'Jā, noņemt' }).click();
  await expect(page.locator('.service-item')).toHaveCount(1);
  await expect(page.locator('.service-name').first()).toContainText('1. prioritāte: Fizioterapeita nodarbība');
  await expect(page.locator('#f-services-0-quantity')).toHaveValue('24');
});

test('settings: the weights in words, policies as explained radios, the budget in Latvian style', async ({ guardedPage: page }) => {
  await newCaseAt(page, 'settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budžets un iestatījumi');
  const weights = page.getByLabel('Ekspertu vērtējuma īpatsvars', { exact: true });
  await expect(weights.locator('option:checked')).toHaveText('eksperti 60 %, vecāki 40 %');
  await expect(page.getByText('Pašlaik: eksperti 60 %, vecāki 40 %.')).toBeVisible();
  await weights.selectOption('70');
  await expect(page.getByText('Pašlaik: eksperti 70 %, vecāki 30 %.')).toBeVisible();
  await page.getByLabel('Apstāties').check();
  await page.getByLabel('Individuālais budžets plāna periodam, eiro').fill('1 234,50');
  await expect(page.locator('.budget-shown')).toHaveText(money('Budžets: 1 234,50 €'));
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByLabel('Ekspertu vērtējuma īpatsvars', { exact: true })).toHaveValue('70');
  await expect(page.getByLabel('Apstāties')).toBeChecked();
  await expect(page.getByLabel('Turpināt sarakstā')).not.toBeChecked();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Now: experts 70 %, parents 30 %.')).toBeVisible();
  await expect(page.locator('.budget-shown')).toHaveText('Budget: €1,234.50');
  await page.getByRole('button', { name: 'Latviešu' }).click();
});

test('an unfinished case: the result says what is missing, step by step, with links', async ({ guardedPage: page }) => {
  await newCaseAt(page, 'result');
  await expect(page.getByRole('heading', { name: 'Plānu vēl nevar aprēķināt' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Atvērt soli “Bērns”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bērns');
});
