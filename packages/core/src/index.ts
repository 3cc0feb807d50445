export { TandemElement, type ConfigProblem, type DeliveryResult, type Outcome, type Refusal, type ResolvedConfig } from './element.js';
export { elapsedSince, realClock, type Clock } from './clock.js';
export { focusInPlace, focusedMessageStyles } from './focus.js';
export { honeypot, honeypotFilled, honeypotStyles } from './honeypot.js';
export { defineElement } from './define.js';
export { TandemErrorEvent, TandemSubmitEvent, TandemSubmittedEvent, type ErrorDetail, type SubmitDetail, type SubmittedDetail } from './events.js';
export { globalOptions, onConfigure, tandemGlobal, type TandemGlobal, type TandemOptions } from './global.js';
export { heading, headingLevel } from './heading.js';
export { hasStrings, loadStrings, registerNamespace, resolveLanguage, translator, type Strings, type StringsSource, type Translate } from './i18n.js';
export { newId } from './id.js';
export { LocaleController } from './locale-controller.js';
export { Outbox, pageOutbox, retryAfter, KEEPALIVE_LIMIT, type Delivery, type OutboxOptions } from './outbox.js';
export { DeviceStore, MemoryStore, type OutboxItem, type OutboxStore } from './outbox-store.js';
export { pageAddress } from './page.js';
// Redaction runs inside deliver() (prepare.js); import '@tandem/core/redact.js' to use it elsewhere.
export type { PersonalDataKind, Redaction } from './redact.js';
// The schema's validator is its own entry (`@tandem/core/schema.js`), loaded only on submit.
export type { AnswerValue, Submission, SubmissionProblem, WidgetName } from './schema.js';
export { MAX_TEXT } from './limits.js';
export { base } from './styles/base.js';
export { tokens } from './styles/tokens.js';
export { VERSION } from './version.js';
export { characterCount, errorSummary, textArea, yesNoButtons, type FieldError, type TextAreaField } from './fields.js';
export { ComboboxController, type ComboboxOptions } from './controllers/combobox.js';
export { SettleLog, type LogEntry, type SettleLogOptions } from './controllers/settle-log.js';
export { Delay, systemClock } from './controllers/clock.js';
