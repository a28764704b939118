// Files the app opens (issue 12, items 4 and 7): every file input and drop zone checks a
// file's size before reading it and says both the size and the limit; a file in which an
// object repeats a member name is refused with its pointer (plan, answers, ranking, key);
// and a 5 MB plan file is verified in slices, painting its progress in words and a bar
// between them (a file of 5 000 proofs is refused with the number, a 5 MB plan with 50
// proofs is verified); the longest task is printed, not asserted.
import { test, expect, expectNoAxeViolations, openApp } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h1, ibplanBinary, openStep } from './flow-helpers.mjs';

const ibplan = (args, input) => execFileSync(ibplanBinary, args, { encoding: 'utf8', input, maxBuffer: 64 << 20 });

/** Counts how often the page reads a file's contents (`Blob.arrayBuffer` or `Blob.text`). */
async function countReads(page) {
  await page.addInitScript(() => {
    window.__fileReads = 0;
    for (const name of ['arrayBuffer', 'text']) {
      const read = Blob.prototype[name];
      Blob.prototype[name] = function countedRead() {
        window.__fileReads += 1;
        return read.call(this);
      };
    }
  });
}
const reads = (page) => page.evaluate(() => window.__fileReads);

/** A file of `size` bytes of spaces, as Playwright hands it to a file input. */
const blank = (name, size) => ({ name, mimeType: 'application/json', buffer: Buffer.alloc(size, 32) });

/** `text` of a JSON object with the member `name` written twice, `first` first. */
function withDuplicate(object, name, first) {
  const marker = '"__duplicate__":null';
  return JSON.stringify({ __duplicate__: null, ...object }).replace(marker, `${JSON.stringify(name)}:${JSON.stringify(first)}`);
}

async function openExample(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
}

async function openVerify(page) {
  await page.goto('/#/verify');
  await expect(h1(page)).toHaveText('Pārbaudīt plāna failu');
}

const socialWorker = (page) => page.locator('li.participant', { has: page.getByRole('heading', { name: /Sociālais darbinieks/ }) });

async function openKeyImport(page) {
  await page.evaluate(() => { location.hash = location.hash.replace(/[^/]+$/, 'sign'); });
  await expect(h1(page)).toHaveText('Paraksti un eksports');
  await socialWorker(page).locator('summary').click();
  return socialWorker(page).getByLabel(/Importēt atslēgas failu/);
}

test('an oversized file is refused in every file input before it is read, with its size and the limit', async ({ guardedPage: page }) => {
  await countReads(page);
  // The verify screen: picked, and dropped on the drop zone.
  await openVerify(page);
  await page.getByLabel('Plāna fails').setInputFiles(blank('big-plan.json', 6 * 1024 * 1024));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Fails ir 6 MB liels, bet plāna fails drīkst būt ne lielāks par 5 MB, tāpēc tas netika nolasīts.');
  await expect(alert).toContainText('big-plan.json');
  await expectNoAxeViolations(page);
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(30 * 1000 * 1000)], 'dropped.json', { type: 'application/json' }));
    return transfer;
  });
  await page.locator('.drop-zone:not(.trust-drop)').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(alert).toContainText('Fails ir 29 MB liels, bet plāna fails drīkst būt ne lielāks par 5 MB');
  await expect(alert).toContainText('dropped.json');
  expect(await reads(page)).toBe(0);

  // The start screen's ranking file from the team.
  await openApp(page);
  await page.getByLabel('Atvērt pakalpojumu sarakstu no komandas').setInputFiles(blank('ranking.json', 3 * 1024 * 1024));
  await expect(page.locator('#open-ranking-error')).toContainText('Fails ir 3 MB liels, bet anketas vai prioritāšu fails drīkst būt ne lielāks par 2 MB, tāpēc tas netika nolasīts.');
  await expect(page.locator('.case-row')).toHaveCount(0);

  // The questionnaire's answers, the ranking step's import and a key file.
  await page.getByRole('button', { name: 'Atvērt parauga lietu' }).click();
  await expect(page).toHaveURL(/#\/case\/[0-9a-f]+\/result$/);
  await openStep(page, 'Vecāku anketa');
  await page.getByLabel('Importēt atbildes').setInputFiles(blank('answers.json', 2 * 1024 * 1024 + 1));
  await expect(page.locator('#answers-import-error')).toContainText('Fails ir 3 MB liels, bet anketas vai prioritāšu fails drīkst būt ne lielāks par 2 MB');
  await openStep(page, 'Vecāku prioritātes');
  await page.getByLabel('Importēt vecāku sarindojumu').setInputFiles(blank('ranking.json', 5 * 1024 * 1024));
  await expect(page.locator('#ranking-import-error')).toContainText('Fails ir 5 MB liels, bet anketas vai prioritāšu fails drīkst būt ne lielāks par 2 MB');
  const keyInput = await openKeyImport(page);
  await keyInput.setInputFiles(blank('key.json', 100 * 1024));
  await expect(socialWorker(page).getByRole('alert')).toContainText('Fails ir 100 kB liels, bet atslēgas fails drīkst būt ne lielāks par 64 kB, tāpēc tas netika nolasīts.');
  await expectNoAxeViolations(page);
  expect(await reads(page)).toBe(0);
  // A file within its limit is read (the counter counts).
  await keyInput.setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: Buffer.from('{"secretKeyMultibase": 5') });
  await expect(socialWorker(page).getByRole('alert')).toContainText('Šis nav atslēgas fails');
  expect(await reads(page)).toBe(1);
});

test('plan, answers, ranking and key files with a repeated member are refused, naming the pointer', async ({ guardedPage: page }) => {
  const plan = JSON.parse(ibplan(['plan', '-'], ibplan(['example-case'])));
  const budgetTwice = JSON.stringify(plan).replace('"budget":', '"budget":"99999.00","budget":');
  expect(JSON.parse(budgetTwice).case.settings.budget).toBe(plan.case.settings.budget);
  await openVerify(page);
  await page.getByLabel('Plāna fails').setInputFiles({ name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(budgetTwice) });
  await expect(page.getByRole('alert')).toContainText('Lauks /case/settings/budget failā ir divreiz');

  await openExample(page);
  await openStep(page, 'Vecāku anketa');
  const answers = withDuplicate({ format: 'ib-planner-answers/1', questionnaire: { goals: [] } }, 'format', 'ib-planner-answers/1');
  await page.getByLabel('Importēt atbildes').setInputFiles({ name: 'anketa.json', mimeType: 'application/json', buffer: Buffer.from(answers) });
  await expect(page.locator('#answers-import-error')).toContainText('Lauks /format failā ir divreiz');

  await openStep(page, 'Vecāku prioritātes');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportēt sarakstu vecākiem' }).click();
  const ranking = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  const first = ranking.services[0];
  const rankingTwice = JSON.stringify(ranking).replace(`"code":"${first.code}"`, `"code":"SVC-OTHER","code":"${first.code}"`);
  expect(rankingTwice).not.toBe(JSON.stringify(ranking));
  await page.getByLabel('Importēt vecāku sarindojumu').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(rankingTwice) });
  await expect(page.locator('#ranking-import-error')).toContainText('Lauks /services/0/code failā ir divreiz');

  const key = JSON.parse(ibplan(['keygen']));
  const other = JSON.parse(ibplan(['keygen']));
  const keyTwice = withDuplicate(key, 'secretKeyMultibase', other.secretKeyMultibase);
  const keyInput = await openKeyImport(page);
  await keyInput.setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: Buffer.from(keyTwice) });
  await expect(socialWorker(page).getByRole('alert')).toContainText('Lauks /secretKeyMultibase failā ir divreiz');
  await expectNoAxeViolations(page);
});

/** Records long tasks (over 50 ms, Chromium) and every progress text the verify screen shows. */
async function watchResponsiveness(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__progress = [];
    const record = (entries) => {
      for (const entry of entries) window.__longTasks.push(`${Math.round(entry.duration)}@${Math.round(entry.startTime)}`);
    };
    window.__observer = new PerformanceObserver((list) => record(list.getEntries()));
    window.__observer.observe({ type: 'longtask', buffered: true });
    window.__takeLongTasks = () => record(window.__observer.takeRecords());
    new MutationObserver(() => {
      const line = document.getElementById('verify-progress-text');
      const bar = document.querySelector('.verify-progress progress');
      const seen = line && bar ? `${line.textContent} [${bar.getAttribute('value')}]` : null;
      if (seen && window.__last !== seen) { window.__last = seen; window.__progress.push(`${seen}@${Math.round(performance.now())}`); }
      const plan = document.querySelector('.verify-plan-pending');
      if (plan && !window.__planPending) { window.__planPending = true; window.__progress.push(`plan pending@${Math.round(performance.now())}`); }
      if (!plan && window.__planPending && document.querySelector('.plan-view')) { window.__planPending = false; window.__progress.push(`plan shown@${Math.round(performance.now())}`); }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Opens `file` on the verify screen; returns the long tasks and the progress seen meanwhile. */
async function verifyWatched(page, file, done) {
  await page.evaluate(() => { window.__longTasks = []; window.__progress = []; window.__last = null; });
  await page.getByLabel('Plāna fails').setInputFiles(file);
  await expect(done).toBeVisible({ timeout: 60_000 });
  // Entries not yet handed to the observer's callback are taken too.
  return page.evaluate(() => {
    window.__takeLongTasks();
    return { longTasks: window.__longTasks, progress: window.__progress };
  });
}

/**
 * The largest valid plan: the example case with 200 goals whose six texts have 4 000
 * characters each (about 4.8 MB), signed, its proof copied to 50.
 */
function largePlanFiles(dir) {
  const c = JSON.parse(ibplan(['example-case']));
  const base = c.goals[0];
  const text = (i, k) => `Mērķis ${i}.${k} `.padEnd(4000, 'abcdefghij ');
  for (let i = c.goals.length + 1; c.goals.length < 200; i += 1) {
    const goal = structuredClone(base);
    goal.id = `G${i}`;
    goal.text = text(i, 't');
    goal.levels.forEach((level, k) => { level.text = text(i, k); });
    c.goals.push(goal);
  }
  writeFileSync(join(dir, 'plan.json'), ibplan(['plan', '-'], JSON.stringify(c)));
  writeFileSync(join(dir, 'key.json'), ibplan(['keygen']));
  const signed = JSON.parse(ibplan(['sign', '--key', join(dir, 'key.json'), '--created', '2026-01-05T10:00:00Z', join(dir, 'plan.json')]));
  const proof = [signed.proof].flat()[0];
  const fifty = JSON.stringify({ ...signed, proof: Array(50).fill(proof) }, null, 1);
  // 5 000 copies of the proof on the example plan, padded to about 5 MB.
  const example = JSON.parse(ibplan(['plan', '-'], ibplan(['example-case'])));
  let many = JSON.stringify({ ...example, proof: Array(5000).fill(proof) }, null, 2);
  many = many.replace(/^\{/, `{"padding": "${'x'.repeat(Math.max(0, 4_900_000 - many.length))}",`);
  const files = { fifty: join(dir, 'fifty-proofs.json'), many: join(dir, 'many-proofs.json') };
  writeFileSync(files.fifty, fifty);
  writeFileSync(files.many, many);
  return { files, sizes: { fifty: Buffer.byteLength(fifty), many: Buffer.byteLength(many) } };
}

test('a 5 MB plan file is verified in slices, the page painting its progress between them', async ({ guardedPage: page }) => {
  test.setTimeout(300_000);
  const { files, sizes } = largePlanFiles(mkdtempSync(join(tmpdir(), 'ib-files-')));
  expect(sizes.many).toBeGreaterThan(4_800_000);
  expect(sizes.fifty).toBeGreaterThan(4_800_000);
  expect(sizes.fifty).toBeLessThanOrEqual(5 * 1024 * 1024);
  await watchResponsiveness(page);
  await openVerify(page);

  // 5 000 proofs: refused with the number, before any signature is checked.
  const many = await verifyWatched(page, files.many, page.getByRole('alert'));
  await expect(page.getByRole('alert')).toContainText('5000');
  await expect(page.getByRole('alert')).toContainText('50');
  expect(many.progress.some((p) => p.startsWith('Nolasa plāna saturu: '))).toBe(true);

  // 50 proofs on a 5 MB plan: every one valid, and the plan recomputes.
  const fifty = await verifyWatched(page, files.fifty, page.locator('#verify-result .plan-view'));
  await expect(page.locator('.verify-verdict')).toHaveText(/Visi paraksti ir derīgi \(50\)/);
  await expect(page.locator('.signature-list > li.status-valid')).toHaveCount(50);
  await expect(page.locator('#verify-result')).toBeFocused();
  await expect(page.locator('.plan-goals > li')).toHaveCount(200);
  expect(fifty.progress.some((p) => p.startsWith('plan shown'))).toBe(true);
  expect(fifty.progress.some((p) => p.startsWith('Pārrēķina plānu, lai salīdzinātu rezultātu… [90]'))).toBe(true);

  const longest = (tasks) => Math.max(0, ...tasks.map((t) => Number(t.split('@')[0])));
  // The page stays responsive: it painted the progress between the steps (each distinct
  // progress text was seen by a MutationObserver, so the page yielded between them),
  // reading the file and parsing it among them, each with how far it got (how many
  // slices they take depends on the machine's speed; tests/json_steps.rs checks the
  // parse in steps).
  expect(new Set(fifty.progress.map((p) => p.split('@')[0])).size).toBeGreaterThanOrEqual(4);
  expect(fifty.progress.some((p) => /^Nolasa failu: \d+ %… \[\d+\]/.test(p))).toBe(true);
  expect(fifty.progress.some((p) => /^Nolasa plāna saturu: \d+ %… \[\d+\]/.test(p))).toBe(true);

  // The same on a CPU four times slower (a modest phone): the page answers a click while
  // it verifies (the language switch, whose press is seen while the progress is shown and
  // changes the progress line's language at once).
  await page.getByRole('button', { name: 'Atvērt citu failu' }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__clickedWhileVerifying = null;
    document.addEventListener('click', () => {
      if (window.__clickedWhileVerifying === null) window.__clickedWhileVerifying = !!document.getElementById('verify-progress-text');
    }, true);
  });
  // The press goes straight to the mouse (no waiting for the button to be stable, which
  // itself takes turns of the page) as soon as the file is handed over.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('button', { name: 'EN — English' })).toBeInViewport();
  const en = await page.getByRole('button', { name: 'EN — English' }).boundingBox();
  await page.evaluate(() => { window.__longTasks = []; window.__progress = []; window.__last = null; });
  await page.getByLabel('Plāna fails').setInputFiles(files.fifty);
  await page.mouse.click(en.x + en.width / 2, en.y + en.height / 2);
  await expect(page.getByRole('button', { name: 'EN — English' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.__clickedWhileVerifying)).toBe(true);
  await expect(page.locator('.verify-verdict')).toHaveText(/All signatures are valid \(50\)/, { timeout: 120_000 });
  await expect(page.locator('#verify-result .plan-view')).toBeVisible({ timeout: 60_000 });
  const slow = await page.evaluate(() => {
    window.__takeLongTasks();
    return { longTasks: window.__longTasks, progress: window.__progress };
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Progress was shown in English after the click, while verifying.
  expect(slow.progress.some((p) => /^(Reading|Computing|Checking|Recomputing)/.test(p))).toBe(true);

  test.info().annotations.push({
    type: 'long tasks (ms)',
    description: `5000 proofs (${sizes.many} B): [${many.longTasks}]; 50 proofs (${sizes.fifty} B): [${fifty.longTasks}]; at CPU x4: [${slow.longTasks}]; progress: ${fifty.progress.join(' | ')}`,
  });
  console.log(`long tasks: 5000 proofs [${many.longTasks}], 50 proofs [${fifty.longTasks}], 50 proofs at CPU x4 [${slow.longTasks}]; progress ${fifty.progress.join(' | ')}; at CPU x4 ${slow.progress.join(' | ')}`);
  // The longest task is a figure to read, not an assertion: on a loaded 2-core machine it
  // swings widely, and a timed assertion would make the suite flaky (the brief keeps
  // timings in benchmarks).
  console.log(`longest task: 5000 proofs ${longest(many.longTasks)} ms, 50 proofs ${longest(fifty.longTasks)} ms, 50 proofs at CPU x4 ${longest(slow.longTasks)} ms`);
});
