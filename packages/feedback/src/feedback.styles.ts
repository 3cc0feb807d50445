import { css } from 'lit';

export const feedbackStyles = css`
  .feedback {
    max-inline-size: var(--tandem-feedback-max-width, none);
    padding: var(--_space-3) var(--_space-4);
    background: var(--_panel);
    border-block-start: 4px solid var(--tandem-feedback-accent, var(--_link));
  }
  .prompt {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }
  .question {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
  }
  .question .heading-small {
    margin: 0;
  }
  .question .button-group .button {
    min-inline-size: 4.5rem;
  }
  .prompt .button-group .button {
    margin-block-end: 0;
  }
  .message {
    margin: 0;
    font-weight: 700;
  }
  /* On a line of its own, above the question it asks again. */
  .message.vote-unsent {
    flex-basis: 100%;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-3);
  }
  .links .button.link {
    margin: 0;
  }
  .form {
    max-inline-size: 40rem;
  }
  .compact {
    padding: var(--_space-2) var(--_space-3);
    font-size: var(--_font-size-small);
    --_font-size: var(--_font-size-small);
  }
  .compact .heading {
    font-size: var(--_font-size);
  }
  @media (forced-colors: active) {
    .feedback {
      border: 1px solid CanvasText;
    }
  }
`;
