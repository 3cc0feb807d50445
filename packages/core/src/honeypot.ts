import { css, html } from 'lit';

/**
 * The honeypot of every form that sends free text: a field people cannot see or reach, which
 * bots fill in. The submission only says whether it was filled (`signals.honeypot`); the
 * collector decides what to do with it. Labelled with the widget's `honeypot` string.
 */
export const honeypot = (label: string) =>
  html`<div class="honeypot" aria-hidden="true">
    <label for="tandem-hp">${label}</label><input id="tandem-hp" name="tandem-hp" type="text" tabindex="-1" autocomplete="off" />
  </div>`;

/** Whether the honeypot of the form being submitted has something in it. */
export const honeypotFilled = (event: SubmitEvent) => !!new FormData(event.target as HTMLFormElement).get('tandem-hp');

/* Clipped rather than moved off-screen: an offset makes the page scroll sideways in RTL. */
export const honeypotStyles = css`
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
