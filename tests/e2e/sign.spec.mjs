// Signing, export, print view, import and verification (issue 4, items 6 and 7): sign the
// example case's plan as two participants, download it and check it with the ibplan CLI,
// open it on the Verify screen, and see tampered, truncated and foreign files explained.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `ibplan verify FILE`; returns the exit code and output. */
function ibplanVerify(file) {
  const prebuilt = join(root, 'target', 'debug', 'ibplan');
  const [cmd, args] = existsSync(prebuilt)
    ? [prebuilt, ['verify', file]]
    : ['cargo', ['run', '-q', '--bin', 'ibplan', '--', 'verify', file]];
  try {
    const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** Opens the example case and goes to its sign step. */
async function openSignStep(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await goStep(page, 'sign');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paraksti un eksports');
}

/** Goes to a step of the open case through its URL (the step list is folded on phones). */
async function goStep(page, slug) {
  await page.evaluate((slug) => { location.hash = location.hash.replace(/[^/]+$/, slug); }, slug);
}

const parent = (page) => page.locator('li.participant', { has: page.getByRole('heading', { name: 'Vecāks (likumiskais pārstāvis)' }) });
const socialWorker = (page) => page.locator('li.participant', { has: page.getByRole('heading', { name: /Sociālais darbinieks/ }) });

async function signAsParentAndSocialWorker(page) {
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(parent(page).locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await page.getByRole('button', { name: 'Parakstīt kā Sociālais darbinieks (I. Kalniņa)' }).click();
  await expect(socialWorker(page).locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 2 no 6 dalībniekiem.');
}

async function downloadPlan(page, dir) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lejupielādēt plānu' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('CESIS-2025-017-plan.json');
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function openOnVerify(page, name, text) {
  await page.goto('/#/verify');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pārbaudīt plāna failu');
  await page.getByLabel('Plāna fails').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('sign as two participants, download, verify with the CLI and on the Verify screen', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-sign-'));
  await openSignStep(page);
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 0 no 6 dalībniekiem.');
  await expectNoAxeViolations(page);
  await signAsParentAndSocialWorker(page);
  // Fingerprints (XXXX-XXXX-XXXX) and times are shown; the two keys differ.
  const fpParent = (await parent(page).locator('.signature-meta .fingerprint').innerText()).match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/)?.[0];
  const fpSocial = (await socialWorker(page).locator('.signature-meta .fingerprint').innerText()).match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/)?.[0];
  expect(fpParent).toBeTruthy();
  expect(fpSocial).toBeTruthy();
  expect(fpParent).not.toBe(fpSocial);
  await expect(parent(page).locator('.signature-meta')).toContainText('Parakstīts:');
  await expectNoAxeViolations(page);

  // Reload: the signatures were saved with the case.
  await page.reload();
  await expect(parent(page).locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 2 no 6 dalībniekiem.');

  const file = await downloadPlan(page, dir);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  expect(doc.schema).toBe('ib-plan/1');
  expect(Array.isArray(doc.proof)).toBe(true);
  expect(doc.proof).toHaveLength(2);
  expect(doc.proof.every((p) => p.proofPurpose === 'assertionMethod' && p.cryptosuite === 'eddsa-jcs-2022')).toBe(true);
  const cli = ibplanVerify(file);
  expect(cli.code, cli.out).toBe(0);

  // The same file on the Verify screen.
  await openOnVerify(page, 'CESIS-2025-017-plan.json', readFileSync(file, 'utf8'));
  await expect(page.locator('.verify-verdict')).toHaveText(/Visi paraksti ir derīgi \(2\)/);
  await expect(page.locator('.signature-list > li')).toHaveCount(2);
  await expect(page.locator('.signature-list')).toContainText(fpParent);
  await expect(page.locator('.signature-list')).toContainText(fpSocial);
  await expect(page.locator('.signature-list')).toContainText('plāna apliecināšana (assertionMethod)');
  await expect(page.getByText('Plāns pārrēķināts: rezultāts sakrīt ar dokumentā ierakstīto.')).toBeVisible();
  await expect(page.locator('.plan-view')).toContainText('CESIS-2025-017');
  await expect(page.locator('.plan-view')).toContainText('Cēsu novads');
  await expect(page.locator('.plan-view')).toContainText('3\u00a0800,00\u00a0€');
  await expect(page.locator('.plan-lines tbody tr')).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.verify-verdict')).toHaveText(/All signatures are valid \(2\)/);
  await expect(page.locator('.plan-view')).toContainText('€3,800.00');
  await page.getByRole('button', { name: 'Latviešu' }).click();

  // Tampered total: the CLI refuses it, the screen says which signatures fail and where.
  const tampered = structuredClone(doc);
  tampered.result.totals.allocated = '3000.00';
  const tamperedFile = join(dir, 'tampered-plan.json');
  writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));
  expect(ibplanVerify(tamperedFile).code).not.toBe(0);
  await page.getByRole('button', { name: 'Atvērt citu failu' }).click();
  await expect(page.getByLabel('Plāna fails')).toBeFocused();
  await page.getByLabel('Plāna fails').setInputFiles(tamperedFile);
  await expect(page.locator('.verify-verdict')).toHaveText(/Ne visi paraksti ir derīgi: derīgi 0 no 2/);
  await expect(page.locator('.signature-list > li.status-invalid')).toHaveCount(2);
  await expect(page.locator('.verify-result')).toContainText('Atšķiras kopsumma “Piešķirts”.');
  await expect(page.locator('.verify-result')).toContainText('/result/totals/allocated');
  await expect(page.locator('.verify-result')).toContainText('"3000.00"');
  await expect(page.locator('.verify-result')).toContainText('"3798.00"');
});

test('truncated, foreign, future and oversized files are explained, never a blank screen', async ({ guardedPage: page }) => {
  const plan = JSON.parse(execFileSync(join(root, 'target', 'debug', 'ibplan'), ['plan', '-'], {
    cwd: root, encoding: 'utf8', input: execFileSync(join(root, 'target', 'debug', 'ibplan'), ['example-case'], { encoding: 'utf8' }),
  }));
  const text = JSON.stringify(plan, null, 2);
  await openOnVerify(page, 'cut-plan.json', text.slice(0, Math.floor(text.length / 2)));
  await expect(page.getByRole('alert')).toContainText('Fails ir nepilnīgs vai nav JSON formātā.');
  await expect(page.getByRole('alert')).toContainText('cut-plan.json');
  await expectNoAxeViolations(page);
  await page.getByLabel('Plāna fails').setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('{"items": [1, 2]}') });
  await expect(page.getByRole('alert')).toContainText('Šis nav IB atbalsta plāns.');
  await page.getByLabel('Plāna fails').setInputFiles({ name: 'future-plan.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "ib-plan/9"}') });
  await expect(page.getByRole('alert')).toContainText('Plāna versija “ib-plan/9” nav atbalstīta');
  await page.getByLabel('Plāna fails').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 32) });
  await expect(page.getByRole('alert')).toContainText('Fails ir 6 MB liels, bet plāna fails drīkst būt ne lielāks par 5 MB');
  // An unsigned plan opens and says nobody signed it.
  await page.getByLabel('Plāna fails').setInputFiles({ name: 'plain-plan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.verify-verdict')).toHaveText(/Plānam nav parakstu/);
  await expectNoAxeViolations(page);
});

test('a change after signing makes the signatures outdated; the print view shows the notice', async ({ guardedPage: page }) => {
  await openSignStep(page);
  await signAsParentAndSocialWorker(page);

  await page.emulateMedia({ media: 'print' });
  const printView = page.locator('#print-view');
  await expect(printView).toBeVisible();
  await expect(printView).toContainText('Atbalsta plāns — CESIS-2025-017');
  await expect(printView).toContainText('Pārbaudiet šo plānu');
  await expect(printView).toContainText('ar failu CESIS-2025-017-plan.json');
  // The signature block lists every participant, signed or not.
  await expect(printView.locator('.print-signatures tbody tr')).toHaveCount(6);
  await expect(printView.locator('.print-signatures tbody tr', { hasText: 'Vēl nav parakstīts' })).toHaveCount(4);
  await expect(page.locator('.participant-list')).toBeHidden();
  await page.screenshot({ path: `/tmp/sign-print-${test.info().project.name}.png`, fullPage: true });
  if (test.info().project.name === 'desktop-1280') {
    await page.pdf({ path: '/tmp/sign-print.pdf', format: 'A4' }).catch(() => {});
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(printView).toBeHidden();

  // Change the case: the pseudonym is part of the plan.
  await goStep(page, 'child');
  const id = page.getByLabel('Bērna pseidonīms (lietas identifikators)');
  await id.fill('CESIS-2025-018');
  await goStep(page, 'sign');
  await expect(parent(page).locator('.status')).toContainText('Novecojis — plāns mainīts pēc parakstīšanas');
  await expect(socialWorker(page).locator('.status')).toContainText('Novecojis');
  await expect(page.locator('.sign-progress')).toHaveText('Derīgi paraksti: 0 no 6 dalībniekiem.');
  await expect(page.getByText('Novecojuši vai nederīgi paraksti failā netiek iekļauti')).toBeVisible();
  await page.screenshot({ path: `/tmp/sign-outdated-${test.info().project.name}.png`, fullPage: true });
  await expectNoAxeViolations(page);
  // Signing again renews that participant's signature only.
  await page.getByRole('button', { name: 'Parakstīt vēlreiz kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(parent(page).locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await expect(socialWorker(page).locator('.status')).toContainText('Novecojis');
});

test('keys: export a key, import it for another participant, bad key files are explained', async ({ guardedPage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-key-'));
  await openSignStep(page);
  await page.getByRole('button', { name: 'Parakstīt kā Vecāks (likumiskais pārstāvis)' }).click();
  await expect(parent(page).locator('.status')).toContainText('Parakstīts — paraksts derīgs');
  await parent(page).locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportēt atslēgu: Vecāks (likumiskais pārstāvis)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('parent-key.json');
  const keyFile = join(dir, 'parent-key.json');
  await download.saveAs(keyFile);
  const key = JSON.parse(readFileSync(keyFile, 'utf8'));
  expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
  expect(key.secretKeyMultibase).toMatch(/^z/);
  const fp = (await parent(page).locator('.key-details .fingerprint').innerText()).match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/)?.[0];

  // Import it as the social worker's key (privateKeyMultibase spelling), then sign.
  await socialWorker(page).locator('summary').click();
  const input = socialWorker(page).getByLabel(/Importēt atslēgas failu/);
  await input.setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ privateKeyMultibase: key.secretKeyMultibase })) });
  await expect(socialWorker(page).getByRole('status')).toContainText(`Atslēga importēta. Nospiedums: ${fp}`);
  await page.getByRole('button', { name: 'Parakstīt kā Sociālais darbinieks (I. Kalniņa)' }).click();
  await expect(socialWorker(page).locator('.signature-meta')).toContainText(fp);
  // A broken key file.
  await input.setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: Buffer.from('{"secretKeyMultibase": 5') });
  await expect(socialWorker(page).getByRole('alert')).toContainText('Šis nav atslēgas fails');
  await expectNoAxeViolations(page);
});
