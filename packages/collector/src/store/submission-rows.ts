// The submissions table as both stores lay it out (SQLite and PostgreSQL use the same columns):
// between SubmissionRecord objects and its rows. Only how a yes/no is kept differs: SQLite's
// STRICT tables keep 0 and 1, PostgreSQL a boolean.
import type { SubmissionRecord } from './store.js';

/** A row of the submissions table, as SELECT * reads it from either store. */
export type SubmissionRow = {
  id: string;
  site: string;
  widget: string;
  instance: string;
  page_url: string;
  page_title: string;
  lang: string;
  answers: string;
  honeypot: boolean | 0 | 1;
  fill_ms: number;
  client_time: string;
  sdk_version: string;
  received_at: number;
  quarantined: boolean | 0 | 1;
  quarantine_reason: SubmissionRecord['quarantine'];
  fingerprint: string;
  repeat_of: string | null;
  participant: string | null;
  reviewed_at: number | null;
  reviewed_by: string | null;
};

/** The columns a submission is inserted with, in the order of rowValues. */
export const INSERT_COLUMNS = [
  'id', 'site', 'widget', 'instance', 'page_url', 'page_title', 'lang', 'answers', 'honeypot', 'fill_ms',
  'client_time', 'sdk_version', 'received_at', 'quarantined', 'quarantine_reason', 'fingerprint', 'repeat_of', 'participant',
];

/** Where each column comes from in the submission as sent, to name the field a value was refused in. */
export const FIELD_OF_COLUMN: Record<string, string> = {
  id: 'id', site: 'site', widget: 'widget', instance: 'instance', page_url: 'page.url', page_title: 'page.title', lang: 'lang',
  answers: 'answers', honeypot: 'signals.honeypot', fill_ms: 'signals.fillMs', client_time: 'clientTime', sdk_version: 'sdkVersion',
  participant: 'participant',
};

/**
 * A record as the insert's positional parameters, in the order of INSERT_COLUMNS.
 * @param flag How the store keeps a yes/no.
 */
export function rowValues<Flag>(record: SubmissionRecord, flag: (yes: boolean) => Flag) {
  return [
    record.id, record.site, record.widget, record.instance, record.pageUrl, record.pageTitle, record.lang,
    JSON.stringify(record.answers), flag(record.honeypot), record.fillMs,
    record.clientTime, record.sdkVersion, record.receivedAt, flag(record.quarantine !== null), record.quarantine, record.fingerprint,
    record.repeatOf, record.participant ?? null,
  ];
}

export function fromRow(row: SubmissionRow): SubmissionRecord {
  return {
    id: row.id,
    site: row.site,
    widget: row.widget,
    instance: row.instance,
    pageUrl: row.page_url,
    pageTitle: row.page_title,
    lang: row.lang,
    answers: JSON.parse(row.answers),
    honeypot: row.honeypot === true || row.honeypot === 1,
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
