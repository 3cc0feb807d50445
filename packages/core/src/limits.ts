/** The longest free-text answer a widget may send, in characters. */
export const MAX_TEXT = 2000;
