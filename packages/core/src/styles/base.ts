import { css } from 'lit';

/**
 * Styles every widget shares. The host page's CSS cannot select inside a shadow root, but
 * inherited properties still flow in, and rules with !important on `*` reach the host element:
 * so the host box is pinned with !important (which beats the page's !important from inside),
 * and every inherited text property is set again on the wrapper.
 */
export const base = css`
  :host {
    display: block !important;
    visibility: visible !important;
    box-sizing: border-box !important;
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: var(--_line-height);
    color: var(--_text);
    text-align: start;
    text-transform: none;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  p {
    margin: 0 0 var(--_space-3);
  }
  .heading {
    font-size: var(--_font-size-heading);
    font-weight: 700;
    line-height: 1.25;
  }
  .heading-small {
    font-size: var(--_font-size);
    font-weight: 700;
  }
  .hint {
    display: block;
    color: var(--_text-secondary);
    margin-block-end: var(--_space-2);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }
  :focus {
    outline: none;
  }
  :focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid transparent;
  }
  [tabindex='-1']:focus {
    outline: none;
  }

  /* Buttons: 44px targets, the GOV.UK yellow focus state, a solid bottom edge. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    margin: 0 0 var(--_space-2);
    margin-inline-end: var(--_space-2);
    padding: var(--_space-1) var(--_space-3);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_button);
    color: var(--_button-text);
    box-shadow: 0 2px 0 var(--_button-shadow);
    font: inherit;
    font-size: var(--_font-size);
    line-height: 1.1875;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    appearance: none;
  }
  .button:hover {
    filter: brightness(0.9);
  }
  .button:active {
    transform: translateY(2px);
    box-shadow: none;
  }
  .button.secondary {
    background: var(--_secondary-button);
    color: var(--_secondary-button-text);
    box-shadow: 0 2px 0 var(--_secondary-button-shadow);
  }
  .button.link {
    background: none;
    color: var(--_link);
    box-shadow: none;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    padding-inline: var(--_space-1);
  }
  /* :is() weighs as .button with a class: above every button variant and link colour. */
  :is(.button.secondary, a):focus-visible,
  .button:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
    text-decoration: none;
    filter: none;
  }
  .button-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) 0;
  }

  /* Text boxes and areas: a 2px border, the yellow-and-black focus ring. */
  .label {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_space-1);
  }
  .input,
  .textarea {
    display: block;
    inline-size: 100%;
    margin: 0;
    padding: var(--_space-1);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .input {
    min-block-size: var(--_target);
    appearance: none;
  }
  .textarea {
    min-block-size: 5.5em;
    resize: vertical;
  }
  .input:focus,
  .textarea:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_border);
  }
  .field {
    margin-block-end: var(--_space-4);
  }
  .field.error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: var(--_space-3);
  }
  .field.error .textarea {
    border-color: var(--_error);
  }
  .error-message {
    display: block;
    color: var(--_error);
    font-weight: 700;
    margin-block-end: var(--_space-2);
  }
  .count {
    display: block;
    margin-block-start: var(--_space-1);
    color: var(--_text-secondary);
  }
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }

  /* The GOV.UK error summary. */
  .error-summary {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
    background: var(--_surface);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
    text-decoration: underline;
  }

  .notice {
    padding: var(--_space-3);
    border-inline-start: 5px solid var(--_border);
    background: var(--_panel);
  }

  @media (forced-colors: active) {
    .button,
    .input,
    .textarea,
    .error-summary {
      border-color: ButtonText;
    }
    .button:focus-visible,
    .input:focus,
    .textarea:focus,
    a:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
