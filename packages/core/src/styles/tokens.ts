import { css } from 'lit';

/**
 * Design tokens. A host overrides the public `--tandem-*` properties (on `:root` or on an
 * element); widgets read only the private `--_*` copies, which carry the GOV.UK-like defaults.
 */
export const tokens = css`
  :host {
    --_font-family: var(--tandem-font-family, inherit);
    --_font-size: var(--tandem-font-size-body, 1.1875rem);
    --_font-size-small: var(--tandem-font-size-small, 1rem);
    --_font-size-heading: var(--tandem-font-size-heading, 1.5rem);
    --_line-height: var(--tandem-line-height, 1.32);
    --_text: var(--tandem-color-text, #0b0c0c);
    --_text-secondary: var(--tandem-color-text-secondary, #484949);
    --_surface: var(--tandem-color-surface, #ffffff);
    --_panel: var(--tandem-color-panel, #f3f2f1);
    --_border: var(--tandem-color-border, #0b0c0c);
    --_link: var(--tandem-color-link, #1d70b8);
    --_focus: var(--tandem-color-focus, #ffdd00);
    --_focus-text: var(--tandem-color-focus-text, #0b0c0c);
    --_error: var(--tandem-color-error, #c0301a);
    --_success: var(--tandem-color-success, #00703c);
    --_button: var(--tandem-color-button, #00703c);
    --_button-text: var(--tandem-color-button-text, #ffffff);
    --_button-shadow: var(--tandem-color-button-shadow, #002d18);
    --_secondary-button: var(--tandem-color-secondary-button, #e8e8e8);
    --_secondary-button-text: var(--tandem-color-secondary-button-text, #0b0c0c);
    --_secondary-button-shadow: var(--tandem-color-secondary-button-shadow, #858686);
    --_space-1: var(--tandem-space-1, 0.3125rem);
    --_space-2: var(--tandem-space-2, 0.625rem);
    --_space-3: var(--tandem-space-3, 0.9375rem);
    --_space-4: var(--tandem-space-4, 1.25rem);
    --_target: var(--tandem-target-size, max(2.75rem, 44px));
    --_radius: var(--tandem-radius, 0);
  }
`;
