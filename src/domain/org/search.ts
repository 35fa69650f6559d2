// Finding a person by what an official types: a name, part of a name, a code or a title (PRODUCT.md §8).
import { fold, nfcLower } from '../text/normalize.js';

/** What search reads of an official; the directory's Official and database rows both fit. */
export interface SearchableOfficial {
  code: string;
  fullName: string;
  title: string;
  /** Inactive officials (left the organisation) are never offered. */
  active?: boolean;
}

/** Lower is better. */
const Rank = { ExactName: 0, ExactCode: 1, Substring: 2, FoldedSubstring: 3, FoldedWords: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function rankOf(query: string, queryFolded: string, queryWords: string[], o: SearchableOfficial): Rank | null {
  const name = nfcLower(o.fullName);
  const code = nfcLower(o.code);
  if (name === query) return Rank.ExactName;
  if (code === query) return Rank.ExactCode;
  if (name.includes(query) || code.includes(query) || nfcLower(o.title).includes(query)) return Rank.Substring;
  const haystack = [fold(o.fullName), fold(o.code), fold(o.title)];
  if (haystack.some((h) => h.includes(queryFolded))) return Rank.FoldedSubstring;
  // "nguyen an" finds "Nguyễn Văn An": every word typed starts a word of the name, code or title.
  const words = haystack.join(' ').split(' ');
  if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return Rank.FoldedWords;
  return null;
}

const collator = new Intl.Collator('vi');

/**
 * Officials matching `query`, best first: exact full name (NFC, any case), exact code, then substrings of name, code
 * or title, then the same ignoring diacritics, then every typed word starting a word. Ties go in Vietnamese
 * alphabetical order of the name, so the list is stable.
 */
export function searchOfficials<T extends SearchableOfficial>(query: string, officials: readonly T[], limit = 10): T[] {
  const q = nfcLower(query);
  const qFolded = fold(query);
  if (qFolded === '' || limit <= 0) return [];
  const qWords = qFolded.split(' ');
  const hits: { o: T; rank: Rank }[] = [];
  for (const o of officials) {
    if (o.active === false) continue;
    const rank = rankOf(q, qFolded, qWords, o);
    if (rank !== null) hits.push({ o, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || collator.compare(a.o.fullName, b.o.fullName) || a.o.code.localeCompare(b.o.code));
  return hits.slice(0, limit).map((h) => h.o);
}
