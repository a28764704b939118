// Page helpers shared by the whole-flow spec (and usable by others): step navigation that
// works on phones (the folded step menu) and desktops, the Continue button, Latvian money,
// downloads saved to a folder, and the `ibplan` CLI run on a downloaded file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './fixtures.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ibplanBinary = join(root, 'target', 'debug', 'ibplan');

/** The page's main heading. */
export const h1 = (page) => page.locator('main h1');

/** A regular expression for a money text whose spaces may be no-break spaces (Latvian format). */
export function money(text) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/ /g, '[\\s\\u00a0]'));
}

/**
 * Opens a step by its link in the step navigation (opening the narrow-screen menu first).
 * Waits for the navigation itself first: right after a reload the app may not have
 * mounted yet, and a menu toggle looked for too early would be missed on a phone.
 */
export async function openStep(page, name) {
  const nav = page.locator('nav.step-nav');
  await expect(nav).toBeVisible();
  const toggle = nav.locator('.step-nav-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  await nav.locator('a', { hasText: name }).click();
  await expect(h1(page)).toHaveText(name);
}

/**
 * Presses "Save and continue" on a complete step and expects the next step's heading,
 * with no error summary on the way.
 */
export async function continueTo(page, nextHeading) {
  await page.locator('#continue').click();
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expect(h1(page)).toHaveText(nextHeading);
}

/** Clicks `button` and saves the download it starts into `dir`; returns the path and name. */
export async function downloadInto(page, button, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = download.suggestedFilename();
  const file = join(dir, name);
  await download.saveAs(file);
  return { file, name };
}

/** Builds the `ibplan` CLI (debug) unless it is there already. */
export function ensureIbplan() {
  if (existsSync(ibplanBinary)) return;
  execFileSync('cargo', ['build', '--bin', 'ibplan'], { cwd: root, stdio: 'pipe', timeout: 600_000 });
}

/** Runs `ibplan verify FILE`; returns the exit code and everything it printed. */
export function ibplanVerify(file) {
  try {
    const out = execFileSync(ibplanBinary, ['verify', file], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}
