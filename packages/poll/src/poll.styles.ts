import { css } from 'lit';

export const pollStyles = css`
  /* The reader's own letter and word spacing (WCAG 1.4.12), which the base resets, come from the page. */
  .base {
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  .poll {
    max-inline-size: var(--tandem-poll-max-width, 40rem);
  }
  .intro,
  .dates {
    margin-block-end: var(--_space-4);
  }
  .question,
  .section {
    margin-block: 0 var(--_space-4);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_secondary-button-shadow);
  }

  /* The rating scale's radio buttons in a row (the rest are in core's choiceStyles). */
  .radios.scale {
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .scale .radio {
    flex: 1 1 6.5rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_secondary-button-shadow);
  }
  .face {
    flex: none;
    color: var(--_text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
  }
  .actions .button {
    margin-block-end: 0;
  }
  .answer-state {
    margin: 0;
    font-weight: 700;
  }
  .answer-state.saved::before {
    content: '✓ ' / '';
    color: var(--_success);
  }
  .answer-state.refused,
  .answer-state.refused-closed,
  .answer-state.unprepared {
    color: var(--_error);
  }
  /* Not by colour alone: the words say it, the mark shows it is waiting. */
  .answer-state.unsaved::before {
    content: '● ' / '';
  }

  /* Results: a bar chart for the eye, then the same figures as a table. Whole words: the base's
     overflow-wrap: anywhere lets the grid and table shrink columns until words break mid-word. */
  .results {
    overflow-wrap: break-word;
    margin-block-start: var(--_space-3);
    padding: var(--_space-3);
    background: var(--_panel);
  }
  .results-heading {
    font-weight: 700;
    margin-block-end: var(--_space-2);
  }
  .chart {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) minmax(3rem, 1fr) max-content;
    gap: var(--_space-1) var(--_space-2);
    align-items: center;
    margin-block-end: var(--_space-3);
  }
  .chart-row {
    display: contents;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 1rem;
  }
  .bar .track {
    fill: var(--_surface);
    stroke: var(--_text-secondary);
    stroke-width: 0.5;
    vector-effect: non-scaling-stroke;
  }
  .bar .fill {
    fill: var(--_link);
  }
  .chart-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .table th,
  .table td {
    padding: var(--_space-1) var(--_space-2) var(--_space-1) 0;
    padding-inline: 0 var(--_space-2);
    border-block-end: 1px solid var(--_secondary-button-shadow);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    font-weight: 700;
  }
  .table tbody th {
    font-weight: 400;
  }
  /* Whole words and figures: at 320 pixels "Percentage" would otherwise break mid-word. */
  .table .numeric {
    overflow-wrap: normal;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .mine {
    font-weight: 700;
  }
  .results-unavailable {
    margin-block-start: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 5px solid var(--_border);
    background: var(--_panel);
  }

  /* Statements. */
  .statements {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .my-statement {
    margin-block-end: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 5px solid var(--_secondary-button-shadow);
  }
  .my-statement[data-status='published'] {
    border-inline-start-color: var(--_success);
  }
  .my-statement[data-status='rejected'] {
    border-inline-start-color: var(--_error);
  }
  .my-statement p {
    margin-block-end: var(--_space-1);
  }
  .my-statement-text {
    font-style: italic;
  }
  .tag-text {
    display: inline-block;
    padding: 0 var(--_space-1);
    border: 1px solid currentColor;
    font-weight: 700;
    font-size: var(--_font-size-small);
  }
  .form {
    max-inline-size: 40rem;
  }
  .message {
    margin-block: var(--_space-2) 0;
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .face {
      color: CanvasText;
    }
    .bar .fill {
      fill: CanvasText;
    }
    .bar .track {
      fill: Canvas;
      stroke: CanvasText;
    }
  }
`;
