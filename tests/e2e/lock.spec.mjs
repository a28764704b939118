// The device lock (issue 12): a passphrase seals every stored case and signing key at
// rest; each page load asks for it once; a wrong one is told and changes nothing;
// turning the lock off gives back clear entries; persistent storage is asked for and its
// answer shown.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { h1 } from './flow-helpers.mjs';

const PASSPHRASE = 'zaļā upe pie vecā kalna';
const PSEUDONYM = 'LOCK-2026-007';
const KEY_ENTRY = 'ib-planner/signing-key/lock-test';
const KEY_TEXT = '{"publicKeyMultibase":"z6MkLockTestPublic","secretKeyMultibase":"zLockTestSecretSeed"}';

/** Every stored case and signing key, by storage key. */
const sealable = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('ib-planner/case/') || k.startsWith('ib-planner/signing-key/'))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

/** Collects the app's own timing lines for Argon2id (reported by the test). */
function timings(page) {
  const lines = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Argon2id')) lines.push(msg.text());
  });
  return lines;
}

async function openSettings(page) {
  const toggle = page.getByRole('button', { name: 'Ierīces slēdzenes iestatījumi' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function turnOn(page) {
  await openSettings(page);
  await page.getByLabel('Jaunā paroles frāze').fill(PASSPHRASE);
  await page.getByLabel('Atkārtojiet paroles frāzi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ieslēgt slēdzeni' }).click();
  await expect(page.locator('#lock-outcome')).toContainText('Slēdzene ir ieslēgta', { timeout: 30_000 });
}

async function unlock(page, passphrase) {
  await page.getByLabel('Paroles frāze', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Atslēgt' }).click();
}

test('the lock seals every case and key, asks once per page load, refuses a wrong passphrase and turns off without loss', async ({ guardedPage: page }) => {
  test.setTimeout(180_000);
  const argon = timings(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Jauna lieta' }).click();
  await expect(h1(page)).toHaveText('Bērns');
  await page.getByLabel('Bērna pseidonīms (lietas identifikators)').fill(PSEUDONYM);
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_ENTRY, KEY_TEXT]);
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row .case-title')).toHaveText(PSEUDONYM);
  const clear = await sealable(page);
  expect(Object.keys(clear)).toHaveLength(2);

  // The start screen says whether storage is persistent (asked when the case was saved).
  await expect(page.locator('#persist-status')).toHaveText(/Pastāvīga krātuve|Krātuve nav pastāvīga|Pārlūks nepasaka/);
  await expect(page.locator('#lock-status')).toContainText('Izslēgta');

  // Turning it on: the warning first, then a passphrase that is checked.
  await openSettings(page);
  await expect(page.getByText('aizmirstu paroles frāzi nevar ne atjaunot, ne atiestatīt', { exact: false })).toBeVisible();
  await page.getByLabel('Jaunā paroles frāze').fill('īsa frāze');
  await page.getByRole('button', { name: 'Ieslēgt slēdzeni' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('vismaz 12 rakstzīmes');
  await expectNoAxeViolations(page);
  // No sideways scrolling with the settings open (360 px too).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.locator('#error-summary a').click();
  await expect(page.getByLabel('Jaunā paroles frāze')).toBeFocused();
  await page.getByLabel('Jaunā paroles frāze').fill(PASSPHRASE);
  await page.getByLabel('Atkārtojiet paroles frāzi').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Ieslēgt slēdzeni' }).click();
  await expect(page.locator('#error-summary')).toContainText('Paroles frāzes nesakrīt');
  expect(await sealable(page)).toEqual(clear);
  await page.getByLabel('Atkārtojiet paroles frāzi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ieslēgt slēdzeni' }).click();
  await expect(page.locator('#lock-outcome')).toHaveText('Slēdzene ir ieslēgta. Šifrēto ierakstu skaits: 2.', { timeout: 30_000 });
  await expect(page.locator('#lock-outcome')).toBeFocused();
  await expect(page.locator('#lock-status')).toContainText('Ieslēgta');
  await expect(page.locator('#persist-status')).toHaveText(/Pastāvīga krātuve|Krātuve nav pastāvīga|Pārlūks nepasaka/);

  // Nothing readable is left: every entry is an envelope, none holds the pseudonym.
  const sealed = await sealable(page);
  expect(Object.keys(sealed)).toEqual(Object.keys(clear));
  for (const [key, value] of Object.entries(sealed)) {
    expect(value).not.toBe(clear[key]);
    expect(value).not.toContain(PSEUDONYM);
    expect(value).not.toContain('LockTestSecretSeed');
    const envelope = JSON.parse(value);
    expect(Object.keys(envelope).sort()).toEqual(['ct', 'format', 'nonce']);
    expect(envelope.format).toBe('ib-sealed/1');
  }
  const record = JSON.parse(await page.evaluate(() => localStorage.getItem('ib-planner/lock')));
  expect(record.kdf).toMatchObject({ alg: 'argon2id', m: 19456, t: 2, p: 1 });

  // A reload asks again: the unlock form, no list, nothing read.
  await page.reload();
  await expect(h1(page)).toHaveText('Atslēdziet lietas šajā ierīcē');
  await expect(page.getByText('katra jauna cilne un katra lapas pārlāde paroles frāzi prasa vēlreiz')).toBeVisible();
  await expect(page.locator('.case-row')).toHaveCount(0);
  await expect(page.getByText(PSEUDONYM)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A wrong passphrase is told, the field keeps focus, nothing changes.
  await unlock(page, 'nepareiza paroles frāze');
  await expect(page.locator('#unlock-passphrase-error')).toContainText('Paroles frāze nav pareiza', { timeout: 30_000 });
  await expect(page.getByLabel('Paroles frāze', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Paroles frāze', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(h1(page)).toHaveText('Atslēdziet lietas šajā ierīcē');
  expect(await sealable(page)).toEqual(sealed);
  await expectNoAxeViolations(page);

  // The right one shows the list; the case opens and saves, still sealed.
  await unlock(page, PASSPHRASE);
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu', { timeout: 30_000 });
  await expect(page.locator('.case-row .case-title')).toHaveText(PSEUDONYM);
  await page.getByRole('button', { name: `Atvērt lietu ${PSEUDONYM}` }).click();
  await expect(h1(page)).toHaveText('Bērns');
  const pseudonym = page.getByLabel('Bērna pseidonīms (lietas identifikators)');
  await expect(pseudonym).toHaveValue(PSEUDONYM);
  await pseudonym.fill('LOCK-2026-008');
  await expect(page.locator('.save-status')).toContainText('Saglabāts šajā ierīcē');
  const edited = await sealable(page);
  const caseKey = Object.keys(clear).find((k) => k.startsWith('ib-planner/case/'));
  expect(JSON.parse(edited[caseKey]).format).toBe('ib-sealed/1');
  expect(edited[caseKey]).not.toContain('LOCK-2026-008');
  expect(edited[caseKey]).not.toBe(sealed[caseKey]);

  // A case opened straight after a reload says it is locked, and reads nothing.
  await page.reload();
  await expect(h1(page)).toHaveText('Saglabātās lietas nav pieejamas');
  await expect(page.getByText('Lietas šajā ierīcē ir aizslēgtas')).toBeVisible();
  await page.getByRole('button', { name: 'Atpakaļ uz lietu sarakstu' }).click();
  await expect(h1(page)).toHaveText('Atslēdziet lietas šajā ierīcē');
  await unlock(page, PASSPHRASE);
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu', { timeout: 30_000 });

  // Turning it off asks for the passphrase again, then every entry is clear.
  await openSettings(page);
  await page.getByLabel('Paroles frāze', { exact: true }).fill('nepareiza paroles frāze');
  await page.getByRole('button', { name: 'Izslēgt slēdzeni' }).click();
  await expect(page.locator('#lock-off-passphrase-error')).toContainText('Paroles frāze nav pareiza', { timeout: 30_000 });
  await expect(page.getByLabel('Paroles frāze', { exact: true })).toBeFocused();
  expect(await sealable(page)).toEqual(edited);
  await page.getByLabel('Paroles frāze', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Izslēgt slēdzeni' }).click();
  await expect(page.locator('#lock-outcome')).toHaveText('Slēdzene ir izslēgta. Atšifrēto ierakstu skaits: 2.', { timeout: 30_000 });
  await expect(page.locator('#lock-status')).toContainText('Izslēgta');
  const back = await sealable(page);
  expect(back[KEY_ENTRY]).toBe(KEY_TEXT);
  const stored = JSON.parse(back[caseKey]);
  expect(stored.case.child.id).toBe('LOCK-2026-008');
  expect(await page.evaluate(() => localStorage.getItem('ib-planner/lock'))).toBeNull();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.locator('.case-row .case-title')).toHaveText('LOCK-2026-008');
  test.info().annotations.push({ type: 'argon2id', description: argon.join(' | ') });
  console.log(`lock.spec timings: ${argon.join(' | ')}`);
});

test('turning the lock on and off again gives back every entry byte for byte', async ({ guardedPage: page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(h1(page)).toHaveText('Plāns');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_ENTRY, KEY_TEXT]);
  await page.locator('header .brand').click();
  await expect(page.locator('.case-row')).toHaveCount(1);
  const clear = await sealable(page);
  await turnOn(page);
  const sealed = await sealable(page);
  for (const key of Object.keys(clear)) expect(JSON.parse(sealed[key]).format).toBe('ib-sealed/1');
  // An envelope moved to another case's key does not open there: it is listed as
  // unreadable (with its download), not shown as that case.
  const [caseKey] = Object.keys(clear).filter((k) => k.startsWith('ib-planner/case/'));
  await page.evaluate(([v]) => localStorage.setItem('ib-planner/case/moved', v), [sealed[caseKey]]);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await expect(h1(page)).toHaveText('Sāciet atbalsta plānu', { timeout: 30_000 });
  await expect(page.locator('.case-row')).toHaveCount(2);
  await expect(page.locator('.case-row-unreadable')).toContainText('ar šīs ierīces paroles frāzi tos nevar atvērt');
  await page.evaluate(() => localStorage.removeItem('ib-planner/case/moved'));
  await openSettings(page);
  await page.getByLabel('Paroles frāze', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Izslēgt slēdzeni' }).click();
  await expect(page.locator('#lock-outcome')).toContainText('Slēdzene ir izslēgta', { timeout: 30_000 });
  expect(await sealable(page)).toEqual(clear);
});
