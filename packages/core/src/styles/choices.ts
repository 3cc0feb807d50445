import { css } from 'lit';

/**
 * Questions answered by choosing: a fieldset whose legend is the question, and native radio
 * buttons or checkboxes large enough to hit (WCAG 2.5.8), with the label part of the target.
 */
export const choiceStyles = css`
  .fieldset {
    margin: 0 0 var(--_space-3);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .fieldset.error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: var(--_space-3);
  }
  .legend {
    display: table;
    max-inline-size: 100%;
    margin-block-end: var(--_space-2);
    padding: 0;
    font-weight: 700;
    white-space: normal;
  }
  .radios {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .radio {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target);
  }
  .radio-input {
    flex: none;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin: 0;
    accent-color: var(--_text);
    cursor: pointer;
  }
  .radio-input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  .radio-label {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    flex: 1;
    min-block-size: var(--_target);
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .radio-input:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
