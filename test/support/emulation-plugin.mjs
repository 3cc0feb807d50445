// Browser conditions the stock commands cannot set under Puppeteer, through the DevTools protocol:
//   `block-urls`     { urls: ['*prepare*'] }  requests to matching URLs fail, as when offline
//                                             (an empty list lets them through again)
//   `forced-colors`  { active: true, scheme: 'dark' }  renders in forced colours, with the
//                                             system's dark or light palette (emulateMedia's
//                                             forcedColors works only in Playwright)
const sessions = new WeakMap();

async function devtools(page) {
  if (!sessions.has(page)) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    sessions.set(page, cdp);
  }
  return sessions.get(page);
}

export function emulationPlugin() {
  return {
    name: 'emulation-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'block-urls' && command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs a Puppeteer browser, not ${session.browser.type}.`);
      const cdp = await devtools(session.browser.getPage(session.id));
      if (command === 'block-urls') {
        await cdp.send('Network.setBlockedURLs', { urls: payload?.urls ?? [] });
      } else {
        const active = !!payload?.active;
        await cdp.send('Emulation.setEmulatedMedia', {
          features: [
            { name: 'forced-colors', value: active ? 'active' : 'none' },
            { name: 'prefers-color-scheme', value: active ? (payload.scheme ?? 'light') : '' },
          ],
        });
      }
      return true;
    },
  };
}
