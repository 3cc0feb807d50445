// `a11y-tree`: the full accessibility tree (Puppeteer's snapshot with interestingOnly off),
// for asserting structures the default snapshot prunes, such as tables and their cells.
// Payload: { selector } (Puppeteer syntax; `pierce/…` reaches into shadow roots) for a subtree.
export function a11yTreePlugin() {
  return {
    name: 'a11y-tree-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'a11y-tree') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`a11y-tree needs a Puppeteer browser, not ${session.browser.type}.`);
      const page = session.browser.getPage(session.id);
      const root = payload?.selector ? await page.$(payload.selector) : undefined;
      if (payload?.selector && !root) throw new Error(`a11y-tree: nothing matches ${payload.selector}`);
      return page.accessibility.snapshot({ interestingOnly: false, ...(root ? { root } : {}) });
    },
  };
}
