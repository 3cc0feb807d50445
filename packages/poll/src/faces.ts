import { html } from 'lit';

/**
 * A face for each point of a five-face scale, from very unhappy (1) to very happy (5). Pure
 * decoration: hidden from assistive technology, the option's text label is its name.
 */
export function face(point: number) {
  // The mouth's curve: down at 1, flat at 3, up at 5.
  const curve = 15 + (point - 3) * 1.75;
  // html, not svg: the template's own <svg> root makes it SVG, and lit's svg tag stays out of the bundle.
  return html`<svg class="face" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
    <circle cx="8.5" cy="9.5" r="1.25" fill="currentColor"></circle>
    <circle cx="15.5" cy="9.5" r="1.25" fill="currentColor"></circle>
    <path d="M7.5 ${15 - (point - 3) * 0.5} Q12 ${curve} 16.5 ${15 - (point - 3) * 0.5}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"></path>
  </svg>`;
}
