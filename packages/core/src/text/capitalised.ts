/**
 * @param text - a phrase
 * @returns the phrase with its first letter upper-case ("positive" → "Positive")
 */
export function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
