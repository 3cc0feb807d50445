import { css } from 'lit';

export const finderStyles = css`
  .finder {
    max-inline-size: var(--tandem-finder-max-width, 40rem);
  }
  .postcode-input {
    max-inline-size: 10em;
  }
  .search {
    margin-block-end: var(--_space-4);
  }
  .listbox {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 2px solid var(--_border);
    border-block-start: 0;
    background: var(--_surface);
  }
  /* The list scrolls within itself, so the search box stays in view above it (six results
     with their details are over 1,500px tall at 320px wide). */
  .listbox {
    max-block-size: max(11rem, min(24rem, 55vh));
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: block;
    min-block-size: var(--_target);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_secondary-button-shadow);
    cursor: pointer;
  }
  .option:last-child {
    border-block-end: 0;
  }
  .option:hover {
    background: var(--_panel);
  }
  .option-title {
    display: block;
    font-weight: 700;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .option-summary,
  .option-details {
    display: block;
  }
  .option-details {
    margin-block-start: var(--_space-1);
    color: var(--_text-secondary);
    font-size: var(--_font-size-small);
  }
  .detail {
    display: inline-block;
    margin-inline-end: var(--_space-3);
  }
  .detail-label {
    font-weight: 700;
  }
  .option.active,
  .option.active:hover {
    background: var(--_link);
    color: var(--_button-text);
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .option.active .option-title,
  .option.active .option-details {
    color: var(--_button-text);
  }
  .panel {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    background: var(--_panel);
    border-inline-start: 5px solid var(--_link);
  }
  .panel > :last-child,
  .contact > :last-child,
  .helped > :last-child {
    margin-block-end: 0;
  }
  .suggestions {
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .suggestions .button.link {
    margin: 0;
  }
  .contact {
    margin-block-start: var(--_space-4);
  }
  .link {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .link:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
    text-decoration: none;
  }
  /* On their own line, so each link is a full-height target. */
  .contact .link,
  .answer .link {
    display: inline-block;
    min-block-size: 24px;
  }
  .answer-details {
    margin: 0 0 var(--_space-3);
  }
  .answer-details div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    margin-block-end: var(--_space-1);
  }
  .answer-details dt {
    font-weight: 700;
  }
  .answer-details dd {
    margin: 0;
  }
  .helped {
    margin-block-start: var(--_space-4);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_secondary-button-shadow);
  }
  .helped .button-group .button {
    min-inline-size: 4.5rem;
  }
  .message {
    font-weight: 700;
  }
  /* A message or notice that focus is moved to shows where focus is. */
  .message:focus,
  .notice:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  @media (forced-colors: active) {
    .input,
    .listbox {
      border-color: ButtonText;
    }
    .input:focus {
      outline: 3px solid Highlight;
    }
    .option.active,
    .option.active:hover {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      outline: 3px solid HighlightText;
    }
    .option.active .option-title,
    .option.active .option-details {
      color: HighlightText;
    }
    .panel {
      border: 1px solid CanvasText;
    }
  }
`;
