import { css } from 'lit';

/**
 * Moves focus to an element that is not a control (a message, an error summary) after a step.
 * While it has focus it is also a tab stop: from an element with `tabindex="-1"` and no control
 * after it in the shadow root, Chromium's Tab wraps to the widget's first control instead of
 * going on into the page.
 */
export function focusInPlace(element: HTMLElement): void {
  if (element.getAttribute('tabindex') === '-1') {
    element.tabIndex = 0;
    element.addEventListener('blur', () => element.setAttribute('tabindex', '-1'), { once: true });
  }
  element.focus();
}

/**
 * A visible ring on a message or heading given focus by script: after a click, browsers show
 * none (`:focus-visible` does not match), and the base styles take the outline off `:focus`.
 */
export const focusedMessageStyles = css`
  :is(.message, [part~='heading']):focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0.25rem;
  }
`;
