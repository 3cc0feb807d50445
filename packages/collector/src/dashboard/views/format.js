// Small formatting shared by the pages and the CSV.

/** ms since the epoch → "2026-11-26 09:30" (UTC). @param {number} ms */
export const formatTime = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** @param {Record<string, unknown>} answers */
export function answerLabel(answers) {
  if (answers.useful === true) return 'Yes';
  if (answers.useful === false) return 'No';
  if (answers.reason === 'not-useful') return 'No: said why';
  if (answers.reason === 'problem') return 'Problem';
  if (answers.reason === 'more') return 'Wanted more';
  return 'Other';
}
