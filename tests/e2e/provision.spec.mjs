// Service provision after signing (issue 14): the step waits for a signed plan; the
// made-up example provider list, a municipality's file (refused with pointers, or loaded
// and kept); the parents' choice of providers with the arrangement and the price flag; a
// guarantee letter's print view with a child's name that is printed and never kept; two
// months of delivery with allocated / delivered / available; a refused over-delivery; the
// payments CSV; an amendment that keeps the deliveries and is signed again, whose signed
// plan names the plan it amends on the verify screen and in `ibplan verify`; LV and EN;
// axe at both widths (every test runs at 360 and 1280 px).
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { downloadInto, money, ensureIbplan, ibplanBinary, root } from './flow-helpers.mjs';

test.setTimeout(180_000);

const h1 = (page) => page.locator('main h1');

/** Goes to a step of the open case through its URL (the step list is folded on phones). */
async function goStep(page, slug) {
  await page.evaluate((slug) => { location.hash = location.hash.replace(/[^/]+$/, slug); }, slug);
}

async function openExample(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
}

async function signAsParent(page, again = false) {
  await goStep(page, 'sign');
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  const verb = again ? 'Parakstīt vēlreiz kā' : 'Parakstīt kā';
  await page.getByRole('button', { name: `${verb} Vecāks (likumiskais pārstāvis)` }).click();
  await expect(page.locator('li.participant').first().locator('.status')).toContainText('Parakstīts — paraksts derīgs');
}

async function openProvision(page) {
  await goStep(page, 'provision');
  await expect(h1(page)).toHaveText('Pakalpojumu sniegšana');
}

/** The form of a funded line, by the start of its legend (the service's name). */
const line = (page, name) =>
  page.locator('fieldset.provision-line').filter({ has: page.locator('legend', { hasText: new RegExp(`^${name}:`) }) });

async function choose(page, name, { provider, kind, number, date }) {
  const form = line(page, name);
  await form.getByLabel('Sniedzējs', { exact: true }).selectOption(provider);
  await form.getByLabel('Vienošanās', { exact: true }).selectOption(kind);
  await form.getByLabel('Numurs', { exact: true }).fill(number);
  await form.getByLabel('Datums', { exact: true }).fill(date);
  await form.getByRole('button', { name: 'Saglabāt izvēli' }).click();
  await expect(form.locator('.line-status')).toContainText('Saglabāts.');
}

async function record(page, service, month, units, paid) {
  await page.getByLabel('Pakalpojums', { exact: true }).selectOption({ label: service });
  await page.getByLabel('Plāna mēnesis').selectOption(String(month));
  await page.getByLabel('Sniegtās vienības').fill(units);
  await page.getByLabel('Samaksāts (EUR)').fill(paid);
  await page.getByRole('button', { name: 'Ierakstīt' }).click();
}

const speechRow = (page) => page.locator('#service-figures tbody tr', { has: page.locator('th', { hasText: /^Logopēda nodarbība$/ }) });

test('the provision step asks for a signed plan first, with a link to the sign step', async ({ guardedPage: page }) => {
  await openExample(page);
  await openProvision(page);
  await expect(page.locator('#provision-blocked h2')).toHaveText('Vispirms parakstiet plānu');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Uz parakstu soli' }).click();
  await expect(h1(page)).toHaveText('Paraksti un eksports');
});

test('choose providers, print a guarantee letter, record two months, refuse an over-delivery, download the CSV, amend and sign again', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-provision-'));
  await openExample(page);
  await signAsParent(page);
  await openProvision(page);

  // The example list says plainly that it is made up.
  await expect(page.locator('#providers-example')).toContainText('Šis ir izdomāts parauga saraksts.');
  await expect(page.locator('#providers-example')).toContainText('izdomāti');
  await expect(page.locator('#providers-version')).toContainText('example-2026.1');

  // The parents' choices: a listed provider with a guarantee letter; one whose price is
  // higher than the plan's (flagged in words, never re-priced); another provider typed in.
  await choose(page, 'Logopēda nodarbība', { provider: 'listed:EX-0001', kind: 'guaranteeLetter', number: 'GV-1', date: '2025-08-25' });
  await choose(page, 'Fizioterapeita nodarbība', { provider: 'listed:EX-0002', kind: 'contract', number: 'L-7', date: '2025-08-20' });
  await expect(line(page, 'Fizioterapeita nodarbība').locator('.price-flag')).toContainText(
    /Sniedzēja cena 26,00\s€ ir augstāka par plāna cenu 25,00\s€: finansētā summa sedz tikai 23 no 24 vienībām/);
  const respite = line(page, 'Atelpas brīdis \\(īslaicīgā sociālā aprūpe\\)');
  await respite.getByLabel('Sniedzējs', { exact: true }).selectOption('other');
  // Missing details are refused at their fields; nothing is saved.
  await respite.getByRole('button', { name: 'Saglabāt izvēli' }).click();
  await expect(respite.locator('.line-status')).toContainText('Izvēle nav saglabāta');
  await expect(respite.locator('.error-message').first()).toContainText('Aizpildiet šo lauku.');
  await respite.getByLabel('Sniedzēja nosaukums').fill('Cits aprūpes centrs, SIA');
  await respite.getByLabel('Numurs Sociālo pakalpojumu sniedzēju reģistrā').fill('X-9');
  await respite.getByLabel('Adrese', { exact: true }).fill('Iela 9, Cēsis');
  await respite.getByLabel('Kontakti').fill('+371 20000009');
  await respite.getByLabel('Vienošanās', { exact: true }).selectOption('guaranteeLetter');
  await respite.getByLabel('Numurs', { exact: true }).fill('GV-2');
  await respite.getByLabel('Datums', { exact: true }).fill('2025-08-26');
  await respite.getByRole('button', { name: 'Saglabāt izvēli' }).click();
  await expect(respite.locator('.line-status')).toContainText('Sniedzējs: Cits aprūpes centrs, SIA (reģistra Nr. X-9).');
  await expectNoAxeViolations(page);

  // A guarantee letter, printed with the child's name typed at print time.
  await expect(page.locator('.letter-list li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Sagatavot drukāšanai vēstuli Nr. GV-1' }).click();
  await expect(page.locator('#letter-sheet-title')).toBeFocused();
  await page.getByLabel('Bērna vārds, uzvārds (nav obligāts)').fill('Anna Paraudziņa');
  const sheet = page.locator('#letter-sheet');
  await expect(sheet).toContainText('Garantijas vēstule');
  await expect(sheet).toContainText('Nr. GV-1, 25.08.2025.');
  await expect(sheet).toContainText('reģistra Nr. EX-0001');
  await expect(sheet).toContainText(/Logopēda nodarbība \(SVC-SPEECH\): 24 nodarbības × 24,00\s€ = 576,00\s€/);
  await expect(sheet).toContainText('Lieta CESIS-2025-017; plāna nospiedums (SHA-256)');
  await expect(sheet).toContainText(/[0-9a-f]{64}/);
  await expect(sheet).toContainText('Bērna vārds, uzvārds: Anna Paraudziņa');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(h1(page)).toBeHidden();
  await expect(page.locator('#delivery-title')).toBeHidden();
  await expect(page.locator('#letter-child')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  // English for reading.
  await page.getByLabel('Vēstules valoda').selectOption('en');
  await expect(sheet).toContainText('Guarantee letter');
  await expect(sheet).toContainText('No. GV-1, 25 August 2025');
  // The name is printed, never kept: no stored entry holds it.
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
  expect(stored).not.toContain('Paraudziņa');
  expect(stored).toContain('ib-provision/1');

  // Two months of delivery.
  await record(page, 'Logopēda nodarbība', 1, '4', '96,00');
  await expect(page.locator('#delivery-status')).toHaveText('Ierakstīts: Logopēda nodarbība, 1. mēnesis.');
  await expect(page.locator('#delivery-status')).toBeFocused();
  await record(page, 'Logopēda nodarbība', 2, '3', '72');
  await expect(page.locator('#delivery-status')).toHaveText('Ierakstīts: Logopēda nodarbība, 2. mēnesis.');
  await expect(page.locator('#statements tbody tr')).toHaveCount(2);
  // Allocated / delivered / available for the service, by month and in total.
  const cells = speechRow(page).locator('td');
  await expect(cells.nth(0)).toHaveText('24 nodarbības');
  await expect(cells.nth(1)).toHaveText('7');
  await expect(cells.nth(2)).toHaveText('17');
  await expect(cells.nth(3)).toHaveText(money('576,00 €'));
  await expect(cells.nth(4)).toHaveText(money('168,00 €'));
  await expect(cells.nth(5)).toHaveText(money('408,00 €'));
  await expect(page.locator('#month-figures tbody tr')).toHaveCount(6);
  await expect(page.locator('#service-figures tfoot td').nth(4)).toHaveText(money('168,00 €'));
  await expect(page.locator('#chart-alt')).toContainText(/Logopēda nodarbība — 168,00\s€ no 576,00\s€ \(29 %\)/);
  await expect(page.locator('.provision-chart svg')).toHaveAttribute('aria-labelledby', 'chart-alt');
  await expect(page.locator('#forecast')).toContainText('Prognoze pēc 2. mēneša tempa');

  // More than funded is refused at the field, and nothing is stored.
  await record(page, 'Logopēda nodarbība', 3, '18', '0');
  await expect(page.locator('#delivery-errors')).toBeFocused();
  await expect(page.locator('#delivery-errors')).toContainText('kopā sniegtas 25 vienības, bet plāns finansē 24');
  await expect(page.getByLabel('Sniegtās vienības')).toHaveAttribute('aria-describedby', 'delivery-units-error');
  await expect(page.locator('#statements tbody tr')).toHaveCount(2);
  await expect(cells.nth(1)).toHaveText('7');
  await expectNoAxeViolations(page);

  // The payments CSV and the record.
  const csv = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt maksājumus (CSV)' }), dir);
  expect(csv.name).toBe('CESIS-2025-017-payments.csv');
  const rows = readFileSync(csv.file, 'utf8').split('\r\n').filter(Boolean);
  expect(rows[0]).toBe('case_id,provider_register_number,provider_name,month,month_start,month_end,service_code,units,unit_price,paid,plan_digest');
  expect(rows).toHaveLength(3);
  expect(rows[1]).toMatch(/^CESIS-2025-017,EX-0001,Piemēra runas centrs “Vārdiņš” \(izdomāts\),1,2025-09-01,2025-09-30,SVC-SPEECH,4,24\.00,96\.00,[0-9a-f]{64}$/);
  expect(rows[2]).toMatch(/^CESIS-2025-017,EX-0001,.*,2,2025-10-01,2025-10-31,SVC-SPEECH,3,24\.00,72\.00,/);
  const json = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt ierakstu (JSON)' }), dir);
  expect(json.name).toBe('CESIS-2025-017-provision.json');
  const recordJson = JSON.parse(readFileSync(json.file, 'utf8'));
  expect(recordJson.schema).toBe('ib-provision/1');
  expect(recordJson.deliveries).toHaveLength(2);
  expect(JSON.stringify(recordJson)).not.toContain('Paraudziņa');
  const firstDigest = recordJson.planDigest;

  // An amendment: fewer speech sessions; a confirmation first; the deliveries are kept
  // and the amended plan must be signed again.
  await page.getByLabel('Logopēda nodarbība', { exact: true }).last().fill('20');
  await page.getByRole('button', { name: 'Izveidot grozīto plānu' }).click();
  await expect(page.locator('#amend-confirm-title')).toBeFocused();
  await page.getByRole('button', { name: 'Jā, grozīt plānu' }).click();
  await expect(page.locator('#provision-blocked h2')).toHaveText('Grozītais plāns jāparaksta vēlreiz');
  await expect(page.locator('#provision-blocked')).toBeFocused();
  await signAsParent(page, true);
  await openProvision(page);
  await expect(page.locator('#plan-chain li')).toHaveCount(2);
  await expect(page.locator('#plan-chain li').first()).toHaveText(firstDigest);
  await expect(cells.nth(0)).toHaveText('20 nodarbības');
  await expect(cells.nth(1)).toHaveText('7');
  await expect(cells.nth(2)).toHaveText('13');
  await expect(page.locator('#statements tbody tr')).toHaveCount(2);

  // A provider change after statements starts the month after the last one; the earlier
  // statements stay with the provider of their month.
  const speech = line(page, 'Logopēda nodarbība');
  await speech.getByLabel('Sniedzējs', { exact: true }).selectOption('other');
  await speech.getByLabel('Sniedzēja nosaukums').fill('Jauns runas centrs, SIA');
  await speech.getByLabel('Numurs Sociālo pakalpojumu sniedzēju reģistrā').fill('X-10');
  await speech.getByLabel('Adrese', { exact: true }).fill('Iela 10, Cēsis');
  await speech.getByLabel('Kontakti').fill('+371 20000010');
  await speech.getByLabel('Numurs', { exact: true }).fill('GV-3');
  await speech.getByRole('button', { name: 'Saglabāt izvēli' }).click();
  await expect(speech.locator('.line-status')).toContainText('Sniedzējs: Jauns runas centrs, SIA (reģistra Nr. X-10). No 3. mēneša.');
  const after = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt maksājumus (CSV)' }), dir);
  const afterRows = readFileSync(after.file, 'utf8').split('\r\n').filter(Boolean);
  expect(afterRows).toHaveLength(3);
  expect(afterRows.slice(1).every((r) => r.includes(',EX-0001,'))).toBe(true);

  // The signed amended plan names the first version by its digest (issue 14, item 5):
  // in its case, on the verify screen and in `ibplan verify`.
  await goStep(page, 'sign');
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  const { file: signedPlan } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);
  const amendedPlan = JSON.parse(readFileSync(signedPlan, 'utf8'));
  expect(amendedPlan.case.amends).toEqual({ planDigests: [firstDigest] });
  expect(amendedPlan.proof).toBeTruthy();
  await page.goto('/#/verify');
  await page.getByLabel('Plāna fails', { exact: true }).setInputFiles(signedPlan);
  await expect(page.locator('#verify-amends li')).toHaveCount(1);
  await expect(page.locator('#verify-amends li')).toHaveText(`Šis plāns groza 1. versiju (nospiedums ${firstDigest}).`);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#verify-amends li')).toHaveText(`This plan amends version 1 (digest ${firstDigest}).`);
  await expectNoAxeViolations(page);
  ensureIbplan();
  const cli = spawnSync(ibplanBinary, ['verify', '--json', signedPlan], { cwd: root, encoding: 'utf8' });
  expect(cli.stderr).toContain(`amends plan version 1: ${firstDigest}`);
  expect(JSON.parse(cli.stdout).amends).toEqual([firstDigest]);
});

test('a municipality provider file: refused with pointers, then loaded, kept on the device, and English', async ({ guardedPage: page }) => {
  await openExample(page);
  await signAsParent(page);
  await openProvision(page);
  const input = page.getByLabel('Pašvaldības sniedzēju saraksts (JSON, ib-providers/1)');
  const bad = { schema: 'ib-providers/1', version: '2026.2', date: '2026-02-30', providers: [{ name: 'A', registerNumber: 'R 1', address: 'x', contact: 'y', services: [{ code: 'SVC-NOPE' }] }] };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.locator('#providers-note')).toBeFocused();
  await expect(page.locator('#providers-note')).toContainText('Fails “bad.json” netika ielādēts');
  await expect(page.locator('#providers-note')).toContainText('/date');
  await expect(page.locator('#providers-note')).toContainText('/providers/0/registerNumber');
  await expect(page.locator('#providers-version')).toContainText('example-2026.1');
  const good = {
    schema: 'ib-providers/1', version: 'CESIS-2026.1', date: '2026-01-20',
    providers: [{ name: 'Cēsu logopēdu kabinets', registerNumber: 'R-100', address: 'Rīgas iela 1, Cēsis', contact: '+371 20000100', services: [{ code: 'SVC-SPEECH', unitPrice: '22.00' }] }],
  };
  await input.setInputFiles({ name: 'cesis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.locator('#providers-note')).toContainText('Saraksts no faila “cesis.json” ielādēts.');
  await expect(page.locator('#providers-version')).toContainText('CESIS-2026.1');
  await expect(page.locator('#providers-example')).toHaveCount(0);
  // A lower price is flagged too: the plan still funds its units.
  await choose(page, 'Logopēda nodarbība', { provider: 'listed:R-100', kind: 'contract', number: 'L-1', date: '2025-08-20' });
  await expect(line(page, 'Logopēda nodarbība').locator('.price-flag')).toContainText('ir zemāka par plāna cenu');
  // Kept on this device: after a reload the municipality's list is still there.
  await page.reload();
  await expect(h1(page)).toHaveText('Pakalpojumu sniegšana');
  await expect(page.locator('#providers-version')).toContainText('CESIS-2026.1');
  // English.
  await page.getByRole('button', { name: /^EN/ }).click();
  await expect(h1(page)).toHaveText('Service provision');
  await expect(page.locator('#providers-title')).toHaveText('Provider list');
  await expect(page.locator('#service-figures caption')).toHaveText('By service');
  await expect(line(page, 'Speech therapy session').locator('.line-status')).toContainText('Provider: Cēsu logopēdu kabinets (register no. R-100).');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Use the example list' }).click();
  await expect(page.locator('#providers-version')).toContainText('example-2026.1');
  // The listed provider is not on the example list: told, not dropped.
  await expect(page.locator('#provision-problems')).toContainText('R-100');
});
