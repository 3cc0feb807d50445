import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ComboboxOptions {
  /** How many options the list has now. */
  count: () => number;
  /** Enter on the active option (or a click on one). */
  choose: (index: number) => void;
  /** Enter with no option active: the text as it stands is the answer. */
  submit: () => void;
  /** Escape on a closed list with text in the box: the box is emptied (the host forgets its search). */
  clear: () => void;
  /** Focus left the widget (Tab, a click elsewhere): the list has closed. */
  leave: () => void;
  /** The options' ids are this followed by their position. */
  optionId?: string;
}

type Host = ReactiveControllerHost & { renderRoot: ParentNode };

/**
 * The keyboard and state of an editable combobox with a listbox popup and list
 * autocomplete, as the WAI-ARIA Authoring Practices describe it: DOM focus stays in the text
 * box; Down and Up open the list and move the active option (`aria-activedescendant`),
 * wrapping; Alt+Down opens the list with none active and Alt+Up closes it; Enter chooses the
 * active option; Escape closes the list, then empties the box; Home, End, Left and Right move
 * the caret in the text and leave the list. The host renders `expanded`, `activeId` and the
 * options (with ids `option-0`, `option-1`…) and says when new options arrive (`show()`).
 */
export class ComboboxController implements ReactiveController {
  /** Whether the list is open (it is shown only when it also has options). */
  expanded = false;
  /** The position of the active option, or -1. */
  active = -1;
  readonly #prefix: string;

  readonly #host: Host;
  readonly #options: ComboboxOptions;

  constructor(
    host: Host,
    options: ComboboxOptions,
  ) {
    this.#host = host;
    this.#options = options;
    this.#prefix = options.optionId ?? 'option-';
    host.addController(this);
  }

  /** The list is open and has something in it: what `aria-expanded` says. */
  get open(): boolean {
    return this.expanded && this.#options.count() > 0;
  }

  /** The id for `aria-activedescendant`, if an option is active in an open list. */
  get activeId(): string | undefined {
    return this.open && this.active >= 0 ? `${this.#prefix}${this.active}` : undefined;
  }

  /** New options (or none): the list opens if it has any, with none active. */
  show(): void {
    this.expanded = this.#options.count() > 0;
    this.active = -1;
    this.#host.requestUpdate();
  }

  /** The list closes, with none active. */
  close(): void {
    this.expanded = false;
    this.active = -1;
    this.#host.requestUpdate();
  }

  /** No option active (the list stays as it is): while new options are on their way. */
  deactivate(): void {
    this.active = -1;
    this.#host.requestUpdate();
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.#options.count();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (event.altKey) {
          // Alt+Down opens the list and leaves the active option be; Alt+Up closes it.
          this.expanded = down;
          if (!down) this.active = -1;
        } else if (!this.expanded) {
          this.expanded = true;
          this.active = down ? 0 : count - 1;
        } else if (down) {
          this.active = (this.active + 1) % count;
        } else {
          this.active = this.active <= 0 ? count - 1 : this.active - 1;
        }
        break;
      }
      case 'Enter':
        event.preventDefault();
        if (this.open && this.active >= 0) return this.#options.choose(this.active);
        return this.#options.submit();
      case 'Escape': {
        const input = event.target as HTMLInputElement;
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          this.active = -1;
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          this.#options.clear();
        }
        break;
      }
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The browser moves the caret in the text; the list loses its active option.
        this.active = -1;
        break;
      default:
        return;
    }
    this.#host.requestUpdate();
  };

  /** On the text box's blur: focus going elsewhere in the widget (a result) keeps the list. */
  readonly onBlur = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && this.#host.renderRoot.contains(next)) return;
    this.close();
    this.#options.leave();
  };

  /** On an option's mousedown: the text box keeps focus while the option is pressed. */
  readonly keepFocus = (event: Event): void => event.preventDefault();

  hostUpdated(): void {
    const id = this.activeId;
    // The active option in view, scrolling the list (not the page) where it can.
    if (id) this.#host.renderRoot.querySelector(`#${id}`)?.scrollIntoView?.({ block: 'nearest' });
  }
}
