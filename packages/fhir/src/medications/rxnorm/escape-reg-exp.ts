/**
 * Escapes text for use inside a regular expression.
 * @param text - literal text, e.g. an ingredient name
 * @returns the text with every RegExp metacharacter escaped
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
