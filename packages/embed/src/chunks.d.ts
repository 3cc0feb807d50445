/** Filled in at build time: each element's tag → its code's chunk, relative to tandem.js. */
declare module 'tandem:chunks' {
  export const chunks: Record<string, string>;
}
