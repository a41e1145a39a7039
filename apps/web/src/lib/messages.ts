/**
 * A message to show, as an i18n key with its parameters rather than finished text, so it follows
 * the UI language when that changes while the message is on screen. `text` is a message that is
 * already finished (the API's, in the UI language at the time it arrived).
 */
export type Message = { key: string; params?: Record<string, string | number> } | { text: string };

export const message = (key: string, params?: Record<string, string | number>): Message => (params ? { key, params } : { key });
