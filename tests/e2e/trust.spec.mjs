// Trust in a signed plan, in the app (issue 13): a personal signing key made with a
// passphrase, kept only sealed, unlocked for the page, exported and imported (a wrong
// passphrase changes nothing); two cases signed with it; a municipality's trust list
// (made here with the ibplan CLI, listing the did:keys the app showed) loaded on the verify
// screen, kept and removed; a plan signed by the whole team verified as trusted and
// complete, and one with a forged price list as not; LV and EN; axe on every new screen.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, ibplanBinary, ensureIbplan, h1, downloadInto } from './flow-helpers.mjs';

const PASS = 'zaļa laiva pie upes';
const NAME = 'Anna Bērziņa';

function ibplan(args, { allowFail = false } = {}) {
  try {
    return execFileSync(ibplanBinary, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    if (allowFail) return `${e.stdout}${e.stderr}`;
    throw new Error(`ibplan ${args.join(' ')}: ${e.stdout}${e.stderr}`);
  }
}

/** Opens the keys screen from the start screen. */
async function openKeys(page) {
  await openApp(page);
  await page.locator('#open-keys').click();
  await expect(h1(page)).toHaveText('Mana parakstīšanas atslēga');
}

/** Creates the personal key on the keys screen; returns its did:key and fingerprint. */
async function createKey(page) {
  await page.getByLabel('Vārds un uzvārds').fill(NAME);
  await page.getByLabel('Loma').selectOption('social_worker');
  await page.getByLabel('Pašvaldība').fill('Cēsu novads');
  await page.getByLabel('Paroles frāze', { exact: true }).fill(PASS);
  await page.getByLabel('Paroles frāze vēlreiz').fill(PASS);
  await page.locator('#key-create').click();
  await expect(page.locator('#keys-outcome')).toContainText('Atslēga izveidota');
  await expect(page.locator('#key-did')).toHaveText(/^did:key:z6Mk\w+$/);
  return {
    did: await page.locator('#key-did').innerText(),
    fingerprint: await page.locator('#key-fingerprint').innerText(),
  };
}

const stored = (page) => page.evaluate(() => localStorage.getItem('ib-planner/personal-key'));

test('a personal key: made with a passphrase, stored only sealed, unlocked, exported and imported', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-trust-key-'));
  await openKeys(page);
  await expectNoAxeViolations(page);
  // An empty form: the error summary names every field, focused.
  await page.locator('#key-create').click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary li')).toHaveCount(4);
  await expect(page.locator('#error-summary')).toContainText('Paroles frāzei jābūt vismaz 12 rakstzīmes garai.');
  await expectNoAxeViolations(page);
  // Passphrases that differ.
  await page.getByLabel('Paroles frāze', { exact: true }).fill(PASS);
  await page.getByLabel('Paroles frāze vēlreiz').fill(`${PASS}!`);
  await page.locator('#key-create').click();
  await expect(page.locator('#error-summary')).toContainText('Paroles frāzes nesakrīt');

  const { did, fingerprint } = await createKey(page);
  expect(fingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expectNoAxeViolations(page);
  // Nothing of it is readable at rest: no name, no key, just the sealed envelope.
  const sealed = await stored(page);
  expect(sealed).toContain('"format":"ib-sealed/1"');
  expect(sealed).not.toContain('Anna');
  expect(sealed).not.toContain(did.slice('did:key:'.length));

  // Export, then lock it: the unlock form asks for the passphrase.
  const { file } = await downloadInto(page, page.locator('#key-export'), dir);
  expect(readFileSync(file, 'utf8')).toBe(sealed);
  await page.locator('#key-lock').click();
  await expect(page.locator('#keys-outcome')).toContainText('Atslēga aizvērta');
  await page.getByLabel('Atslēgas paroles frāze').fill('nepareiza paroles frāze');
  await page.locator('#key-unlock').click();
  await expect(page.locator('#key-unlock-passphrase-error')).toContainText('Paroles frāze nav pareiza');
  await expect(page.getByLabel('Atslēgas paroles frāze')).toBeFocused();
  expect(await stored(page)).toBe(sealed);
  await expectNoAxeViolations(page);
  await page.getByLabel('Atslēgas paroles frāze').fill(PASS);
  await page.locator('#key-unlock').click();
  await expect(page.locator('#key-did')).toHaveText(did);

  // A reload forgets the unlocked key (memory only).
  await page.reload();
  await expect(h1(page)).toHaveText('Mana parakstīšanas atslēga');
  await expect(page.locator('#key-unlock')).toBeVisible();
  await expect(page.locator('#key-did')).toHaveCount(0);

  // Import: a file that is not a key file, then the exported one with a wrong
  // passphrase (nothing changes), then with the right one.
  await page.getByLabel('Atslēgas fails').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"publicKeyMultibase": "z6Mk"}') });
  await expect(page.locator('#key-file-error')).toContainText('Šis nav šifrēts personīgās atslēgas fails');
  await page.getByLabel('Atslēgas fails').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(70 * 1024, 32) });
  await expect(page.locator('#key-file-error')).toContainText('atslēgas fails drīkst būt ne lielāks par');
  await page.getByLabel('Atslēgas fails').setInputFiles(file);
  await expect(page.getByLabel('Atslēgas faila paroles frāze')).toBeFocused();
  await page.getByLabel('Atslēgas faila paroles frāze').fill('vēl viena nepareiza frāze');
  await page.locator('#key-import').click();
  await expect(page.locator('#key-import-passphrase-error')).toContainText('Paroles frāze nav pareiza');
  expect(await stored(page)).toBe(sealed);
  await page.getByLabel('Atslēgas faila paroles frāze').fill(PASS);
  await page.locator('#key-import').click();
  await expect(page.locator('#keys-outcome')).toContainText(`nospiedums ${fingerprint}`);
  await expect(page.locator('#key-did')).toHaveText(did);

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('My signing key');
  await expect(page.getByRole('button', { name: 'Copy the did:key' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Remove, after the in-page question.
  await page.locator('#key-remove').click();
  await expect(page.locator('#key-remove-yes')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator('#key-remove-yes').click();
  await expect(page.locator('#keys-outcome')).toContainText('The key was removed');
  expect(await stored(page)).toBeNull();
  await expect(page.locator('#key-create')).toBeVisible();
});

const participant = (page, name) => page.locator('li.participant', { has: page.getByRole('heading', { name }) });

/** Opens a new example case at its sign step. */
async function exampleCaseSignStep(page) {
  await page.goto('/#/');
  await expect(h1(page)).toBeVisible();
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await page.evaluate(() => { location.hash = location.hash.replace(/[^/]+$/, 'sign'); });
  await expect(h1(page)).toHaveText('Paraksti un eksports');
}

/** Exports a participant's per-case key file; returns its publicKeyMultibase and path. */
async function exportCaseKey(page, who, dir) {
  const item = participant(page, who);
  await item.locator('summary').click();
  const { file } = await downloadInto(page, page.getByRole('button', { name: `Eksportēt atslēgu: ${who}` }), dir);
  const renamed = join(dir, `${who.replace(/\W+/g, '_')}-key.json`);
  writeFileSync(renamed, readFileSync(file));
  return { key: JSON.parse(readFileSync(file, 'utf8')).publicKeyMultibase, file: renamed };
}

test('two cases signed with the personal key, verified under the trust list: whole team trusted, forged price list not', async ({ guardedPage: page }) => {
  test.slow();
  ensureIbplan();
  const dir = mkdtempSync(join(tmpdir(), 'ib-trust-'));
  await openKeys(page);
  const mine = await createKey(page);
  const SW = 'Sociālais darbinieks (I. Kalniņa)';
  const RP = 'Ārsts rehabilitologs (Dr. A. Ozols)';
  const PARENT = 'Vecāks (likumiskais pārstāvis)';

  // Case 1: the social worker signs with the personal key, the physician and the parent
  // with their keys on this device (made on first use).
  await exampleCaseSignStep(page);
  await expect(page.locator('#personal-key-note')).toContainText(`${NAME} (Sociālais darbinieks), nospiedums ${mine.fingerprint}`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Parakstīt kā ${SW} ar manu atslēgu` }).click();
  await expect(participant(page, SW).locator('.signature-meta')).toContainText(mine.fingerprint);
  await page.getByRole('button', { name: `Parakstīt kā ${RP}`, exact: true }).click();
  await expect(participant(page, RP).locator('.status').first()).toContainText('Parakstīts — paraksts derīgs');
  await page.getByRole('button', { name: `Parakstīt kā ${PARENT}`, exact: true }).click();
  await expect(participant(page, PARENT).locator('.status').first()).toContainText('Parakstīts — paraksts derīgs');
  const physician = await exportCaseKey(page, RP, dir);
  const parent = await exportCaseKey(page, PARENT, dir);
  const { file: teamPlan } = await downloadInto(page, page.getByRole('button', { name: 'Lejupielādēt plānu' }), dir);
  const team = readFileSync(teamPlan, 'utf8');

  // Case 2: the same key, the same fingerprint.
  await exampleCaseSignStep(page);
  await page.getByRole('button', { name: `Parakstīt kā ${SW} ar manu atslēgu` }).click();
  await expect(participant(page, SW).locator('.signature-meta')).toContainText(mine.fingerprint);

  // The municipality's trust list, signed by the head of its social service.
  writeFileSync(join(dir, 'head.json'), ibplan(['keygen']));
  writeFileSync(join(dir, 'sw2.json'), ibplan(['keygen']));
  const didOf = (file) => `did:key:${JSON.parse(readFileSync(file, 'utf8')).publicKeyMultibase}`;
  const entry = JSON.parse(ibplan(['price-list-entry', teamPlan]));
  const signer = (id, name, role) => ({ id, name, role, validFrom: '2020-01-01T00:00:00Z' });
  const list = {
    schema: 'ib-trust/1',
    issuer: 'Cēsu novada Sociālais dienests',
    signers: [
      signer(didOf(join(dir, 'head.json')), 'Inese Vadītāja', 'social_service_head'),
      signer(mine.did, NAME, 'social_worker'),
      signer(`did:key:${physician.key}`, 'Dr. A. Ozols', 'rehab_physician'),
      signer(`did:key:${parent.key}`, 'Līga Ozola', 'legal_representative'),
      signer(didOf(join(dir, 'sw2.json')), 'Ilze Cita', 'social_worker'),
    ],
    priceLists: [entry],
    rule: { roles: ['social_worker', 'rehab_physician', 'legal_representative'] },
  };
  writeFileSync(join(dir, 'trust-unsigned.json'), JSON.stringify(list));
  const trust = ibplan(['sign', '--key', join(dir, 'head.json'), join(dir, 'trust-unsigned.json')]);

  // The forged plan of issue 13's "Why": a price lowered, the version kept, recomputed
  // and signed by listed signers.
  const catalogue = JSON.parse(readFileSync(join(root, 'public', 'data', 'catalogue.json'), 'utf8'));
  const used = JSON.parse(ibplan(['example-case'])).services[0].code;
  const service = catalogue.services.find((s) => s.code === used);
  service.unitPrice = (Number(service.unitPrice) / 2).toFixed(2);
  writeFileSync(join(dir, 'forged-catalogue.json'), JSON.stringify(catalogue));
  writeFileSync(join(dir, 'case.json'), ibplan(['example-case']));
  writeFileSync(join(dir, 'forged.json'), ibplan(['plan', '--catalogue', join(dir, 'forged-catalogue.json'), join(dir, 'case.json')]));
  for (const key of [join(dir, 'sw2.json'), physician.file, parent.file]) {
    writeFileSync(join(dir, 'forged.json'), ibplan(['sign', '--key', key, join(dir, 'forged.json')]));
  }
  const forged = readFileSync(join(dir, 'forged.json'), 'utf8');

  // Verify screen: without a list, integrity only.
  await page.goto('/#/verify');
  await expect(h1(page)).toHaveText('Pārbaudīt plāna failu');
  await expect(page.locator('#trust-none')).toBeVisible();
  await page.locator('#plan-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(team) });
  await expect(page.locator('#trust-verdict')).toContainText('Pārbaudīta tikai integritāte');

  // A list that was changed after signing is refused, with the pointer.
  const changed = JSON.parse(trust);
  changed.issuer = 'Cits dienests';
  await page.getByLabel('Uzticamo parakstītāju saraksta fails').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await expect(page.locator('#trust-problems')).toContainText('/proof');
  await expect(page.locator('#trust-problems')).toBeFocused();

  // An oversized file is refused before it is read.
  await page.getByLabel('Uzticamo parakstītāju saraksta fails').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1100 * 1024, 32) });
  await expect(page.locator('#trust-problems')).toContainText('uzticamo parakstītāju saraksts drīkst būt ne lielāks par 1 MB');

  // The real list, dropped on its zone: shown, and the open plan verified under it.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'trust.json', { type: 'application/json' }));
    return dt;
  }, trust);
  await page.locator('.trust-drop').dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('#trust-issuer')).toContainText('Cēsu novada Sociālais dienests; parakstījis Inese Vadītāja (Sociālā dienesta vadītājs)');
  await expect(page.locator('.trust-signer')).toHaveCount(5);
  await expect(page.locator('#trust-rule')).toHaveText('Plānu jāparaksta: Sociālais darbinieks, Ārsts rehabilitologs, Vecāks — likumiskais pārstāvis.');
  await expect(page.locator('#trust-verdict')).toHaveText(/DERĪGS saskaņā ar uzticamo parakstītāju sarakstu: Cēsu novada Sociālais dienests/);
  await expect(page.locator('#trust-verdict')).not.toContainText('NAV');
  await expect(page.locator('.trust-proofs li')).toHaveCount(3);
  await expect(page.locator('.trust-proofs')).toContainText(`derīgs, parakstījis ${NAME} (Sociālais darbinieks)`);
  await expect(page.locator('.trust-proofs')).toContainText('derīgs, parakstījis Dr. A. Ozols (Ārsts rehabilitologs)');
  await expect(page.locator('.trust-proofs')).toContainText('derīgs, parakstījis Līga Ozola (Vecāks — likumiskais pārstāvis)');
  await expect(page.locator('#trust-price-list')).toContainText(`Cenrādis ${entry.version}: oficiālais`);
  await expect(page.locator('#trust-rule-check')).toContainText('Parakstīšanas noteikums izpildīts');
  await expectNoAxeViolations(page);

  // The same proof twice counts once; a second proof by one key is flagged.
  const doubled = JSON.parse(team);
  doubled.proof.push(doubled.proof[0]);
  writeFileSync(join(dir, 'doubled.json'), JSON.stringify(doubled));
  const again = ibplan(['sign', '--key', physician.file, join(dir, 'doubled.json')]);
  await page.getByRole('button', { name: 'Atvērt citu failu' }).click();
  await page.locator('#plan-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(again) });
  await expect(page.locator('.trust-proofs li')).toHaveCount(5);
  await expect(page.locator('.trust-proofs li').nth(3)).toContainText('tas pats paraksts, kas nr. 1; tiek skaitīts vienreiz');
  const physicianAt = doubled.proof.findIndex((p) => p.verificationMethod.includes(physician.key)) + 1;
  expect(physicianAt).toBeGreaterThan(0);
  await expect(page.locator('.trust-proofs li').nth(4)).toContainText(`parakstīts ar to pašu atslēgu, kas nr. ${physicianAt}; parakstītājs tiek skaitīts vienreiz`);

  // The list is kept on the device; the forged plan is not valid under it.
  await page.reload();
  await expect(page.locator('#trust-issuer')).toBeVisible();
  await page.locator('#plan-file').setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(forged) });
  await expect(page.locator('#trust-verdict')).toContainText('NAV DERĪGS saskaņā ar uzticamo parakstītāju sarakstu');
  await expect(page.locator('#trust-price-list')).toContainText(`Cenrādis ${entry.version}: NAV oficiālais`);
  await expect(page.locator('#trust-rule-check')).toContainText('Parakstīšanas noteikums izpildīts');
  await expect(page.locator('.trust-proofs')).toContainText('derīgs, parakstījis Ilze Cita (Sociālais darbinieks)');
  await expectNoAxeViolations(page);

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#trust-verdict')).toContainText('NOT VALID under the trust list of Cēsu novada Sociālais dienests');
  await expect(page.locator('#trust-price-list')).toContainText('NOT the official one');
  await page.getByRole('button', { name: 'Open another file' }).click();
  await page.locator('#plan-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(team) });
  await expect(page.locator('#trust-verdict')).toHaveText(/^✓\s*VALID under the trust list of Cēsu novada Sociālais dienests$/);
  await expect(page.locator('.trust-proofs')).toContainText(`valid, signed by ${NAME} (Social worker)`);
  await expectNoAxeViolations(page);

  // Removed after the in-page question: integrity only again.
  await page.locator('#trust-remove').click();
  await expect(page.locator('#trust-remove-yes')).toBeFocused();
  await page.locator('#trust-remove-yes').click();
  await expect(page.locator('#trust-none')).toBeVisible();
  await expect(page.locator('#trust-verdict')).toContainText('Integrity only was checked');
  expect(await page.evaluate(() => localStorage.getItem('ib-planner/trust-list'))).toBeNull();
});

test('the keys screen is its own chunk: a link straight to it preloads it, the start screen does not', async ({ guardedPage: page }) => {
  await openApp(page);
  await expect(page.locator('link[href^="split_keys-"]')).toHaveCount(0);
  await page.goto('/#/keys');
  await page.reload();
  await expect(h1(page)).toHaveText('Mana parakstīšanas atslēga');
  await expect(page.locator('link[rel="preload"][href^="split_keys-"]')).toHaveCount(1);
  // Reachable from the sign step too, where it says how to use it.
  await exampleCaseSignStep(page);
  await expect(page.locator('#personal-key-note')).toContainText('izveidojiet vai atveriet to');
  await page.locator('#personal-key-note a').click();
  await expect(h1(page)).toHaveText('Mana parakstīšanas atslēga');
  await expect(page.locator('#key-create')).toBeVisible();
});
