// A poll answer arriving through POST /v1/submissions (widget "poll", instance = the poll id):
// checked against the poll (open? this question? this option? statement length?) before it is
// stored, and turned into the PollAction the store applies in the answer's own transaction.
import { redactText } from '@tandem/core/redact.js';
import { characters, STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH } from '@tandem/core/protocol.js';
import { optionIds, pollStatus, RESIDENT_QUESTION, statementKey } from './definition.js';
import type { PollAction, Store } from '../store/store.js';
import type { FastifyReply } from 'fastify';
import type { Submission } from '@tandem/core/schema.js';

export type PollRefusal = { status: number, code: string, field?: string, error: string };


const refusal = (status: number, code: string, field: string | undefined, error: string): { ok: false } & PollRefusal => ({ ok: false, status, code, ...(field ? { field } : {}), error });


/**
 * @param submission Checked against the shared schema, widget "poll".
 * @param issued Whether this collector issued the participant id (participants.ts).
 */
export async function checkPollAnswer(store: Store, submission: Submission, now: number, issued: (participant: string) => boolean): Promise<{ ok: true, action: PollAction } | ({ ok: false } & PollRefusal)> {
  if (!submission.participant) {
    return refusal(422, 'participant-required', 'participant', 'A poll answer needs the participant id the collector issued with the poll');
  }
  if (!issued(submission.participant)) {
    return refusal(422, 'unknown-participant', 'participant', 'This participant id was not issued by this collector: fetch the poll again for a new one');
  }
  const record = await store.polls.get(submission.instance);
  if (!record || record.definition.site !== submission.site) return refusal(422, 'unknown-poll', 'instance', 'There is no poll with this id on this site');
  const poll = record.definition;
  const { answers } = submission;
  const keys = Object.keys(answers).sort().join();
  const vote = keys === 'choice,question' && typeof answers.question === 'string' && typeof answers.choice === 'string';
  const statement = keys === 'statement' && typeof answers.statement === 'string';
  if (!vote && !statement) return refusal(422, 'invalid-answer', 'answers', 'A poll answer is { "question", "choice" } or { "statement" }');

  const status = pollStatus(poll, now);
  if (status !== 'open') return refusal(409, 'poll-closed', 'instance', status === 'upcoming' ? 'This poll has not opened yet' : 'This poll has closed');

  if (statement) {
    if (!poll.allowStatements) return refusal(422, 'statements-closed', 'answers.statement', 'This poll does not take statements');
    const trimmed = String(answers.statement).trim();
    const length = characters(trimmed);
    if (length < STATEMENT_MIN_LENGTH || length > STATEMENT_MAX_LENGTH) {
      return refusal(422, 'statement-length', 'answers.statement', `A statement has ${STATEMENT_MIN_LENGTH} to ${STATEMENT_MAX_LENGTH} characters (this one has ${length})`);
    }
    // Redacted again here: an old or hand-made client may not have done it.
    const text = redactText(trimmed);
    return { ok: true, action: { kind: 'statement', pollId: poll.id, text, key: statementKey(text) } };
  }

  const question = String(answers.question);
  const choice = String(answers.choice);
  const staff = poll.questions.find((q) => q.id === question);
  let options = staff ? optionIds(staff) : undefined;
  const resident = staff ? null : RESIDENT_QUESTION.exec(question);
  if (resident) {
    const found = await store.polls.getStatement(Number(resident[1]));
    if (found && found.pollId === poll.id && found.status === 'published') options = optionIds({ id: question, type: 'statement', text: { en: '' } });
  }
  if (!options) return refusal(422, 'unknown-question', 'answers.question', 'This poll has no such question');
  if (!options.includes(choice)) return refusal(422, 'unknown-option', 'answers.choice', `This question's options are ${options.join(', ')}`);
  return { ok: true, action: { kind: 'vote', pollId: poll.id, question, choice } };
}
