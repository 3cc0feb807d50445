// The polls tables as both stores lay them out (SQLite and PostgreSQL use the same columns):
// between their rows and PollRecord and StatementRow objects.
import type { PollRecord, StatementRow } from './poll-store.js';
import type { PollDefinition } from '../polls/definition.js';

/** A JSON column that may be empty. */
export const json = (text: string | null | undefined) => (text === null || text === undefined ? null : JSON.parse(text));

// Parsed definitions by their JSON text: every vote reads its poll, and the text changes only
// when staff edit it. Keyed by content, so no process can serve a stale definition.
const parsed: Map<string, PollDefinition> = new Map();
function parseDefinition(text: string) {
  let definition = parsed.get(text);
  if (!definition) {
    definition = Object.freeze(JSON.parse(text));
    if (parsed.size >= 100) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, definition as PollDefinition);
  }
  return definition as PollDefinition;
}

export type PollRow = { id: string, site: string, definition: string, source: PollRecord['source'], response: string | null, created_at: number, updated_at: number, updated_by: string | null };
export type StatementDbRow = {
  id: number; poll_id: string; submission_id: string; participant: string; text: string; lang: string; status: StatementRow['status'];
  reason: string | null; reply: string | null; created_at: number; moderated_at: number | null; moderated_by: string | null;
};
export type CountRow = { question: string, option: string, votes: number };

export const toPoll = (row: PollRow): PollRecord => ({
  definition: parseDefinition(row.definition),
  source: row.source,
  response: json(row.response),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by ?? null,
});

export const toStatement = (row: StatementDbRow): StatementRow => ({
  id: row.id,
  pollId: row.poll_id,
  submissionId: row.submission_id,
  participant: row.participant,
  text: row.text,
  lang: row.lang,
  status: row.status,
  reason: row.reason ?? null,
  reply: json(row.reply),
  createdAt: row.created_at,
  moderatedAt: row.moderated_at ?? null,
  moderatedBy: row.moderated_by ?? null,
});
