// Shared test fixtures: every page is watched for console errors, uncaught exceptions and
// requests to any origin other than the app's own; a test fails on any of them.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  guardedPage: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

export { expect };

/**
 * Rules axe-core tags "experimental" and so leaves out of every run, even one by tags
 * that include theirs, unless they are enabled by name. `label-content-name-mismatch`
 * (WCAG 2.5.3: a control's visible text is part of its accessible name) is one.
 */
export const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

/** Runs axe-core (WCAG 2.1 A and AA rules, and EXPERIMENTAL_RULES) on the page and expects no violation. */
export async function expectNoAxeViolations(page) {
  const rules = Object.fromEntries(EXPERIMENTAL_RULES.map((id) => [id, { enabled: true }]));
  const results = await new AxeBuilder({ page })
    .options({ rules })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    .join('\n');
  expect(results.violations, summary).toEqual([]);
}

/** Waits until the wasm app has rendered its start screen. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
}
