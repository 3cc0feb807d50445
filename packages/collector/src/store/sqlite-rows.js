// Between SubmissionRecord objects and rows of the submissions table.

/** @typedef {import('./store.js').SubmissionRecord} SubmissionRecord */

/** @param {SubmissionRecord} record */
export function toRow(record) {
  return {
    ...record,
    answers: JSON.stringify(record.answers),
    honeypot: record.honeypot ? 1 : 0,
    quarantined: record.quarantine ? 1 : 0,
    participant: record.participant ?? null,
  };
}

/** @param {Record<string, any>} row @returns {SubmissionRecord} */
export function fromRow(row) {
  return {
    id: row.id,
    site: row.site,
    widget: row.widget,
    instance: row.instance,
    pageUrl: row.page_url,
    pageTitle: row.page_title,
    lang: row.lang,
    answers: JSON.parse(row.answers),
    honeypot: row.honeypot === 1,
    fillMs: row.fill_ms,
    clientTime: row.client_time,
    sdkVersion: row.sdk_version,
    receivedAt: row.received_at,
    quarantine: row.quarantine_reason ?? null,
    fingerprint: row.fingerprint,
    repeatOf: row.repeat_of,
    ...(row.participant ? { participant: row.participant } : {}),
  };
}
