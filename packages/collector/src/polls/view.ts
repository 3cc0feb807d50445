// The body of GET /v1/polls/{id} (poll protocol v1): the definition, its status now, the
// site's moderation policy, staff's response once closed, every question with its results
// (residents' published statements after staff's, oldest first), and the participant's own.
import { optionIds, pollStatus, STATEMENT_OPTIONS } from './definition.js';
import type { PollReading } from '../store/store.js';
import type { PollText } from './definition.js';

const STATEMENT_CHOICES = STATEMENT_OPTIONS.map((id) => ({ id, label: null }));

function results(counted: Record<string, number> = {}, ids: readonly string[]) {
  const counts = Object.fromEntries(ids.map((id) => [id, counted[id] ?? 0]));
  return { total: Object.values(counts).reduce((sum, n) => sum + n, 0), counts };
}

export function pollBody({ poll, counts, published, mine }: PollReading, policy: PollText | null, now: number) {
  const definition = poll.definition;
  const status = pollStatus(definition, now);
  const questions = [
    ...definition.questions.map((q) => ({
      id: q.id,
      type: q.type,
      origin: 'staff',
      text: q.text,
      options: q.type === 'statement' ? STATEMENT_CHOICES : (q.options ?? []),
      results: results(counts[q.id], optionIds(q)),
    })),
    ...published.map((s) => ({
      id: `s-${s.id}`,
      type: 'statement',
      origin: 'resident',
      text: { en: s.text },
      options: STATEMENT_CHOICES,
      results: results(counts[`s-${s.id}`], STATEMENT_OPTIONS),
    })),
  ];
  const shown = new Set(questions.map((q) => q.id));
  return {
    id: definition.id,
    site: definition.site,
    title: definition.title,
    intro: definition.intro ?? null,
    opensAt: definition.opensAt,
    closesAt: definition.closesAt,
    status,
    allowStatements: definition.allowStatements,
    policy,
    // Written for the end of the poll: shown once it has closed.
    response: status === 'closed' ? poll.response : null,
    questions,
    ...(mine
      ? {
          mine: {
            answers: Object.fromEntries(Object.entries(mine.votes).filter(([question]) => shown.has(question))),
            statements: mine.statements.map((s) => ({
              id: `s-${s.id}`,
              text: s.text,
              status: s.status,
              reason: s.status === 'rejected' ? s.reason : null,
              reply: s.reply,
            })),
          },
        }
      : {}),
  };
}
