import { html, nothing } from 'lit';
import { collectorUrl, WidgetController, type Translate } from '@tandem/core';
import { readReference } from '@tandem/core/protocol.js';

/** What became of the last withdrawal asked for. */
export type WithdrawOutcome = 'withdrawn' | 'unknown' | 'invalid' | 'failed';

const OUTCOME_KEYS: Record<WithdrawOutcome, string> = { withdrawn: 'withdrawn', unknown: 'withdrawUnknown', invalid: 'withdrawInvalid', failed: 'withdrawFailed' };

export interface WithdrawFormOptions {
  t: () => Translate;
  /** The collector and site, or undefined when the widget only fires events. */
  target: () => { endpoint: string; site: string } | undefined;
  focus: (id: string) => void;
  guard: (action: () => unknown) => void;
}

/**
 * "Withdraw an offer you made": the reference, as the resident has it (any case, spaces or
 * dashes), sent to `POST /v1/pledges/withdraw`, which deletes the offer's contact details at once.
 */
export class WithdrawForm extends WidgetController<WithdrawFormOptions> {
  outcome: WithdrawOutcome | undefined;
  private typed = '';
  private withdrawnReference = '';
  private sending = false;

  private readonly input = (event: Event) => {
    this.typed = (event.target as HTMLInputElement).value;
  };

  private readonly submit = (event: SubmitEvent) => {
    event.preventDefault();
    this.options.guard(() => this.send());
  };

  private async send(): Promise<void> {
    if (this.sending) return;
    const reference = readReference(this.typed);
    const target = this.options.target();
    if (!reference || !target) {
      this.show(reference ? 'failed' : 'invalid');
      return;
    }
    this.sending = true;
    this.host.requestUpdate();
    try {
      const response = await fetch(collectorUrl(target.endpoint, 'pledges/withdraw', {}).href, {
        method: 'POST',
        // A simple request: no preflight on a slow connection.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ site: target.site, reference }),
        credentials: 'omit',
      });
      this.withdrawnReference = reference;
      this.show(response.ok ? 'withdrawn' : response.status === 404 ? 'unknown' : response.status === 422 ? 'invalid' : 'failed');
      if (response.ok) this.typed = '';
    } catch {
      this.show('failed');
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private show(outcome: WithdrawOutcome): void {
    this.outcome = outcome;
    this.options.focus('withdraw-message');
  }

  render() {
    const t = this.options.t();
    const outcome = this.outcome;
    const error = outcome === 'invalid' || outcome === 'unknown';
    return html`<details class="details withdraw" ?open=${outcome !== undefined}>
      <summary class="summary">${t('withdrawSummary')}</summary>
      <form class="details-text" part="form" novalidate @submit=${this.submit}>
        ${outcome
          ? html`<p class="message withdraw-${outcome}" part=${error || outcome === 'failed' ? 'error' : 'message'} id="withdraw-message" tabindex="-1">
              ${t(OUTCOME_KEYS[outcome], { reference: this.withdrawnReference })}
            </p>`
          : nothing}
        <div class="field ${error ? 'error' : ''}">
          <label class="label" part="label" for="withdraw-reference">${t('withdrawLabel')}</label>
          <p class="hint" id="withdraw-reference-hint">${t('withdrawReferenceHint')}</p>
          <input class="input reference-input" part="input" id="withdraw-reference" name="reference" autocomplete="off" spellcheck="false"
            autocapitalize="characters" aria-describedby=${error ? 'withdraw-reference-hint withdraw-message' : 'withdraw-reference-hint'}
            aria-invalid=${error ? 'true' : 'false'} .value=${this.typed} @input=${this.input} />
        </div>
        <button type="submit" class="button secondary" part="button" id="withdraw">${t(this.sending ? 'withdrawing' : 'withdraw')}</button>
      </form>
    </details>`;
  }
}
