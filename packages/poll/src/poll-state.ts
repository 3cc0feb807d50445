import { PollController } from './controller.js';
import { keepParticipant, storedParticipant } from './participant.js';
import { fetchPoll, pollUrl, type PollFetch } from './poll-api.js';
import type { PollView } from './types.js';

/** Where the poll is: not asked for yet, on its way, shown, or why it cannot be. */
export type PollLoadStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'not-found' | 'invalid';
/**
 * What became of the last answer to a question. `unprepared`: not saved, because the code that
 * prepares answers could not be fetched (offline); the choice stays for the person to save again.
 */
export type AnswerState = 'missing' | 'saving' | 'saved' | 'queued' | 'refused' | 'refused-closed' | 'unprepared';

/** Where to fetch the poll from, or the poll itself when the page gives it. */
export interface PollSource {
  endpoint: string;
  site: string;
  id: string;
  given: PollView | undefined;
}

export interface PollStateOptions {
  /** Where the poll comes from now; undefined while the element is misconfigured. */
  source: () => PollSource | undefined;
  /** A fetch failed; `shown` says whether a poll was already on screen. */
  failed: (fetched: Exclude<PollFetch, { kind: 'ok' }>, shown: boolean) => void;
  /** A poll (fetched or given) is about to be drawn. */
  using: (poll: PollView) => void;
}

/**
 * The poll's state: the collector's poll, this device's choices and answers, and what became of
 * each. Answers sent (or queued) that the collector's poll did not show when last fetched are
 * kept apart, and the poll as shown is the collector's plus these, worked out afresh for each
 * render, so a fetch that crosses an answer in flight can neither lose it nor count it twice.
 */
export class PollState extends PollController<PollStateOptions> {
  status: PollLoadStatus = 'idle';
  /** The results could not be brought up to date (the questions stay). */
  resultsUnavailable = false;
  /** The option chosen in each radio group, saved or not. */
  choices: Record<string, string> = {};
  answerStates: Record<string, AnswerState> = {};

  private data: PollView | undefined;
  private readonly unconfirmed = new Map<string, string>();
  private loaded: unknown;
  private fetchController: AbortController | undefined;
  /** This device's participant id while storage is blocked (otherwise read from storage). */
  private participant: string | undefined;
  /** The id the collector issued with the poll, for this device's first answer. */
  private issued: string | undefined;
  override hostDisconnected(): void {
    this.fetchController?.abort();
    // Shown again later (a single-page app putting it back): fetch the results afresh.
    this.loaded = undefined;
  }

  /** The poll as shown: the collector's, with this device's answers it has not shown yet. */
  get poll(): PollView | undefined {
    return this.data && withAnswers(this.data, this.unconfirmed);
  }

  /** This device's answer to a question, as far as it knows. */
  saved(question: string): string | undefined {
    return this.unconfirmed.get(question) ?? this.data?.mine?.answers[question];
  }

  /** A choice made that is not this device's saved answer. */
  unsaved(question: string): boolean {
    const choice = this.choices[question];
    return !!choice && choice !== this.saved(question) && this.answerStates[question] !== 'saving';
  }

  choose(question: string, option: string): void {
    this.choices = { ...this.choices, [question]: option };
    // What was said of the last answer is not true of a new choice (unless it is on its way).
    if (this.answerStates[question] !== 'saving') this.setAnswerState(question, undefined);
    this.host.requestUpdate();
  }

  setAnswerState(question: string, state: AnswerState | undefined): void {
    const next = { ...this.answerStates };
    if (state) next[question] = state;
    else delete next[question];
    this.answerStates = next;
    this.host.requestUpdate();
  }

  /** An answer is on its way or stored to send: count it until the collector shows it. */
  answered(question: string, choice: string): void {
    this.unconfirmed.set(question, choice);
  }

  /** The collector refused an answer: back to the saved one. */
  refused(question: string): void {
    this.unconfirmed.delete(question);
    this.choices = { ...this.choices, [question]: this.saved(question) ?? '' };
  }

  /**
   * The participant id to send with an answer: this device's, else (its first answer) the one
   * the collector issued, kept from now on. None when the poll came without one (given as data).
   */
  participantFor(poll: string): string | undefined {
    const existing = storedParticipant(poll) ?? this.participant;
    if (existing || !this.issued) return existing;
    this.participant = this.issued;
    keepParticipant(poll, this.issued);
    return this.participant;
  }

  /** Fetches (or takes) the poll when where it comes from has changed. */
  loadIfChanged(): void {
    const source = this.options.source();
    const key = source && (source.given ?? `${source.endpoint} ${source.site} ${source.id}`);
    if (key === this.loaded) return;
    this.loaded = key;
    if (source?.given) {
      this.fetchController?.abort();
      this.use(structuredClone(source.given), source.id);
      return;
    }
    this.data = undefined;
    this.status = 'idle';
    if (source) void this.fetch(source);
  }

  /** Fetches the poll again, with this device's answers, unless it was given as data. */
  refresh(): Promise<void> {
    const source = this.options.source();
    if (!source || source.given) return Promise.resolve();
    return this.fetch(source);
  }

  private async fetch({ endpoint, site, id }: PollSource): Promise<void> {
    this.fetchController?.abort();
    const controller = new AbortController();
    this.fetchController = controller;
    if (!this.data) {
      this.status = 'loading';
      this.host.requestUpdate();
    }
    const fetched = await fetchPoll(pollUrl(endpoint, id, site, storedParticipant(id) ?? this.participant), controller.signal);
    if (controller.signal.aborted) return;
    if (fetched.kind === 'ok') {
      this.use(fetched.view, id);
      return;
    }
    // Already shown: keep the questions, but say the results could not be brought up to date.
    if (this.data) this.resultsUnavailable = true;
    else this.status = fetched.kind;
    this.options.failed(fetched, !!this.data);
    this.host.requestUpdate();
  }

  /** Shows a poll, keeping what this page knows that the collector's answer does not show yet. */
  private use(poll: PollView, id?: string): void {
    if (poll.participant) {
      // Issued: the collector does not know the id this device sent (if any), so it is dropped.
      this.issued = poll.participant;
      this.participant = undefined;
      if (id && storedParticipant(id)) keepParticipant(id, null);
    }
    const before = Object.fromEntries(poll.questions.map((q) => [q.id, this.saved(q.id)]));
    for (const [question, choice] of this.unconfirmed) if (poll.mine?.answers[question] === choice) this.unconfirmed.delete(question);
    this.data = poll;
    // A choice the person has made but not saved yet stays; the rest follow the saved answers.
    const choices: Record<string, string> = {};
    for (const { id } of poll.questions) {
      const choice = this.choices[id];
      const saved = this.saved(id);
      if (choice !== undefined && choice !== before[id]) choices[id] = choice;
      else if (saved !== undefined) choices[id] = saved;
    }
    this.choices = choices;
    this.options.using(poll);
    this.status = 'ready';
    this.resultsUnavailable = false;
    this.host.requestUpdate();
  }
}

/**
 * The collector's poll with this device's answers that it does not show yet: each moves the
 * count from the answer the collector has (if any) to the new one. The collector's is not changed.
 */
function withAnswers(poll: PollView, answers: Map<string, string>): PollView {
  const mine = { answers: { ...poll.mine?.answers }, statements: poll.mine?.statements ?? [] };
  const questions = poll.questions.map((question) => {
    const to = answers.get(question.id);
    const from = mine.answers[question.id];
    if (to === undefined || to === from) return question;
    mine.answers[question.id] = to;
    const counts = { ...question.results.counts };
    let total = question.results.total;
    if (from !== undefined && (counts[from] ?? 0) > 0) counts[from]! -= 1;
    else total += 1;
    counts[to] = (counts[to] ?? 0) + 1;
    return { ...question, results: { total, counts } };
  });
  return { ...poll, questions, mine };
}
