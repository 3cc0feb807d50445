/**
 * Lays out the test document as a council page would be: a title, a language, a main
 * landmark and a level-one heading, so axe judges the widget and not the harness.
 */
export function mountPage(content: string, { lang = 'en', dir = 'ltr' } = {}): HTMLElement {
  document.documentElement.lang = 'en';
  document.title = 'Adult social care – Test council';
  document.body.innerHTML = `<main><h1>Help at home</h1><div id="host" lang="${lang}" dir="${dir}">${content}</div></main>`;
  return document.getElementById('host')!;
}
