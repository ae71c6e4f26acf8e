// Word matching for the mock's text filters and unrecorded searches: a record matches when
// every word of the query is a word of its text, as the store's full-text index answers
// (whole words, any case). mockBackend.test.ts checks it against the store's recorded answers.

/** The words of a query, split where the store's tokenizer splits: at anything not a letter, digit or mark. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

export function matchesWords(texts: string[], words: string[]): boolean {
  const have = new Set(texts.flatMap(searchWords));
  return words.every((word) => have.has(word));
}
