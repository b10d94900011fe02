/** Pluralises a count: `plural(1, 'error')` → `1 error`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
