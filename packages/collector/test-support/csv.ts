// A small RFC 4180 reader for the tests' CSV exports: quoted cells, doubled quotes, CRLF, and
// any separator, as a spreadsheet set to ";" or tab would read the same file.

/** Rows of cells as a spreadsheet reads them with `separator`. */
export function readCsvRows(text: string, separator = ','): string[][] {
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
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/**
 * Rows of cells, keyed by the header row's names.
 * @param text Without the byte order mark.
 */
export function readCsv(text: string): Record<string, string>[] {
  const [headers = [], ...body] = readCsvRows(text);
  return body.map((cells) => Object.fromEntries(headers.map((name, i) => [name, cells[i] ?? ''])));
}

/** A cell a spreadsheet would run as a formula. */
export const FORMULA = /^(?:\s*[=+\-@]|[\t\r])/;
