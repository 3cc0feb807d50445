// Cumulative layout shift from Tandem on the example site, measured by Chromium's own
// PerformanceObserver ('layout-shift'), English and Welsh, on a wide and a narrow screen, with
// every widget's code (and the Welsh strings) arriving 800 ms late: the loader holds each
// widget's space until it has drawn, so the page must not jump when the widgets appear.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { exampleOffersOfHelp, launchBrowser, ROOT, startCollectorWithPoll } from './support.mjs';

const DAY = 24 * 60 * 60 * 1000;
const LATE_MS = 800;
const PAGES = ['/index.html', '/day-centres.html', '/volunteer.html', '/cy/index.html', '/cy/day-centres.html', '/cy/volunteer.html'];
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
];

/** @type {Awaited<ReturnType<typeof startCollectorWithPoll>>} */
let collector;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  // The example's own poll, open whatever the date the test runs on.
  const poll = JSON.parse(readFileSync(join(ROOT, 'packages/collector/config/polls/day-centres-2026.json'), 'utf8'));
  Object.assign(poll, { opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString() });
  collector = await startCollectorWithPoll(poll, exampleOffersOfHelp());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  collector?.stop();
});

/** Loads a page with the widgets' code late, waits for every widget to draw, and returns its CLS. */
async function layoutShift(path, screen) {
  const page = await browser.newPage();
  try {
    await page.setViewport(screen);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/chunks/')) setTimeout(() => request.continue(), LATE_MS);
      else request.continue();
    });
    await page.evaluateOnNewDocument(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${collector.origin}${path}`);
    await page.waitForFunction(
      () => {
        const widgets = [...document.querySelectorAll('tandem-feedback, tandem-finder, tandem-poll, tandem-pledge')];
        return widgets.length > 0 && widgets.every((widget) => widget.matches(':state(drawn)'));
      },
      { timeout: 15000, polling: 50 },
    );
    // Two frames: the last draw is laid out and any shift from it reported.
    return await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__shift))))));
  } finally {
    await page.close();
  }
}

for (const path of PAGES) {
  it(`${path}: Tandem shifts the layout by less than 0.01, wide and narrow`, async () => {
    for (const screen of SCREENS) {
      const shift = await layoutShift(path, screen);
      assert.ok(shift < 0.01, `CLS ${shift.toFixed(4)} at ${screen.width}×${screen.height}`);
    }
  });
}
