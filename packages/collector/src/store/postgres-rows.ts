// Between SubmissionRecord objects and rows of the PostgreSQL submissions table.
import type { SubmissionRecord } from './store.js';

/** A row of the submissions table, as SELECT * reads it. */
export type SubmissionRow = {
  id: string;
  site: string;
  widget: string;
  instance: string;
  page_url: string;
  page_title: string;
  lang: string;
  answers: string;
  honeypot: boolean;
  fill_ms: number;
  client_time: string;
  sdk_version: string;
  received_at: number;
  quarantined: boolean;
  quarantine_reason: SubmissionRecord['quarantine'];
  fingerprint: string;
  repeat_of: string | null;
  participant: string | null;
  reviewed_at: number | null;
  reviewed_by: string | null;
};

const COLUMNS = [
  'id', 'site', 'widget', 'instance', 'page_url', 'page_title', 'lang', 'answers', 'honeypot', 'fill_ms',
  'client_time', 'sdk_version', 'received_at', 'quarantined', 'quarantine_reason', 'fingerprint', 'repeat_of', 'participant',
];

/** Stores a record once by its id: a second insert of the id changes nothing and returns no row. */
export const INSERT_SUBMISSION = `INSERT INTO submissions (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING 1`;

/** Where each column comes from in the submission as sent, to name the field a value was refused in. */
export const FIELD_OF_COLUMN: Record<string, string> = {
  id: 'id', site: 'site', widget: 'widget', instance: 'instance', page_url: 'page.url', page_title: 'page.title', lang: 'lang',
  answers: 'answers', honeypot: 'signals.honeypot', fill_ms: 'signals.fillMs', client_time: 'clientTime', sdk_version: 'sdkVersion',
  participant: 'participant',
};

/** The insert's parameters, in the order of COLUMNS. */
export function insertValues(record: SubmissionRecord) {
  return [
    record.id, record.site, record.widget, record.instance, record.pageUrl, record.pageTitle, record.lang,
    JSON.stringify(record.answers), record.honeypot, record.fillMs,
    record.clientTime, record.sdkVersion, record.receivedAt, record.quarantine !== null, record.quarantine, record.fingerprint,
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
    honeypot: row.honeypot,
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
