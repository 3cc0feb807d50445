import { css } from 'lit';

export const pledgeStyles = css`
  /* The reader's own letter and word spacing (WCAG 1.4.12), which the base resets, come from the page. */
  .base {
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  .pledge {
    max-inline-size: var(--tandem-pledge-max-width, 40rem);
  }
  .intro {
    margin-block-end: var(--_space-4);
  }
  .section {
    margin-block: 0 var(--_space-4);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_secondary-button-shadow);
  }
  /* Each way to help: its checkbox, then what it involves, indented under the label. */
  .way {
    margin-block-end: var(--_space-3);
  }
  .way-details {
    padding-inline-start: calc(1.75rem + var(--_space-2));
  }
  .way-details .hint {
    margin-block-end: var(--_space-1);
  }
  .boundaries {
    margin-block: 0 var(--_space-1);
    padding-inline-start: var(--_space-4);
  }
  .wont {
    font-weight: 700;
  }
  /* When: a small table of checkboxes; each cell is a whole target (WCAG 2.5.8). */
  .when-grid {
    border-collapse: collapse;
    margin-block-end: var(--_space-2);
  }
  .when-grid th,
  .when-grid td {
    padding: var(--_space-1) var(--_space-2) var(--_space-1) 0;
    padding-inline: 0 var(--_space-2);
    text-align: start;
    font-weight: 400;
  }
  .when-grid thead th {
    font-weight: 700;
  }
  .when-grid td {
    min-inline-size: var(--_target);
    block-size: var(--_target);
  }
  .or {
    margin-block: var(--_space-1);
  }
  .input {
    max-inline-size: 100%;
  }
  .contact-use {
    margin-block-end: var(--_space-3);
  }
  .message {
    margin-block: var(--_space-2);
    font-weight: 700;
  }
  .message.refused,
  .message.withdraw-invalid,
  .message.withdraw-unknown,
  .message.withdraw-failed {
    color: var(--_error);
  }
  /* The confirmation: the GOV.UK panel's message, with the reference large enough to read out. */
  .panel {
    margin-block-end: var(--_space-3);
    padding: var(--_space-3);
    border: 5px solid var(--_success);
    background: var(--_panel);
  }
  .reference {
    display: inline-block;
    font-size: 1.5rem;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
  .reference-input {
    text-transform: uppercase;
  }
  .withdraw {
    margin-block-start: var(--_space-4);
  }
`;
