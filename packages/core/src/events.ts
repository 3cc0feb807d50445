import type { Submission } from './schema.js';

export interface SubmitDetail {
  submission: Submission;
}

export interface SubmittedDetail {
  submission: Submission;
  /** `sent`: the collector has it. `queued`: stored on the device, sent later. `host`: the host handled it. */
  delivery: 'sent' | 'queued' | 'host' | 'events';
}

export interface ErrorDetail {
  /** `configuration`, `rejected` (the collector refused an answer) or `internal`. */
  kind: 'configuration' | 'rejected' | 'internal';
  message: string;
  /** The attribute to fix, for configuration errors. */
  attribute?: string;
  /** For `rejected`: the collector's answer as it came, e.g. `{"error":"…","code":"duplicate-statement"}`. */
  response?: string;
}

const init = { bubbles: true, composed: true } as const;

/** Fired before an answer is sent. Cancel it (`preventDefault()`) to handle the answer yourself. */
export class TandemSubmitEvent extends CustomEvent<SubmitDetail> {
  constructor(detail: SubmitDetail) {
    super('tandem-submit', { ...init, cancelable: true, detail });
  }
}

/** Fired once an answer is safe: sent, stored for later, or handled by the host. */
export class TandemSubmittedEvent extends CustomEvent<SubmittedDetail> {
  constructor(detail: SubmittedDetail) {
    super('tandem-submitted', { ...init, detail });
  }
}

/** Fired when a widget is misconfigured, an answer is refused, or something fails inside it. */
export class TandemErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('tandem-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-submit': TandemSubmitEvent;
    'tandem-submitted': TandemSubmittedEvent;
    'tandem-error': TandemErrorEvent;
  }
}
