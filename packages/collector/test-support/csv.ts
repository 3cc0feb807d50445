// A small RFC 4180 reader for the tests' CSV exports: quoted cells, doubled quotes, CRLF.

/**
 * Rows of cells, keyed by the header row's names.
 * @param text Without the byte order mark.
 */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  const [headers = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(headers.map((name, i) => [name, cells[i] ?? ''])));
}
