import { css } from 'lit';

/** The GOV.UK details pattern on a native <details>: a link-like summary that is easy to hit. */
export const detailsStyles = css`
  .details {
    margin-block-end: var(--_space-3);
  }
  .summary {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    color: var(--_link);
    text-decoration: underline;
    cursor: pointer;
  }
  .summary:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    text-decoration: none;
  }
  .details-text {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_secondary-button-shadow);
  }
  @media (forced-colors: active) {
    .summary:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
