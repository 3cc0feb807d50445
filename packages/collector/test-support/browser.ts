// Headless Chromium for the dashboard's browser tests: one page, the CSP bypassed so that axe
// can be injected (which also makes the XSS tests stricter: escaping alone must keep a payload
// inert), and every alert() a payload manages recorded.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function openBrowser() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.setBypassCSP(true);
  await page.setViewport({ width: 1280, height: 900 });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { browser, page, dialogs };
}

/** Signs the page in to the dashboard at `base` as the test's member of staff. */
export async function signInAsStaff(page: Page, base: string, staff: { email: string, password: string }) {
  await page.goto(`${base}/dashboard/sign-in`);
  await page.type('#email', staff.email);
  await page.type('#password', staff.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

/**
 * Runs axe (WCAG 2.2 AA and best practice, target-size on) and fails with a readable list.
 */
export async function expectNoAxeViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'target-size': { enabled: true } },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
  assert.deepEqual(violations, [], `axe on ${page.url()}`);
}
