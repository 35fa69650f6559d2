// Packs a long message made of items into parts that fit a channel's limit without cutting an item in half. Each
// part carries the actions of the items it shows; parts after the first start with a continuation header.
// Limits are the channel's, in UTF-16 units (Telegram's 4096, Zalo's 2000); cuts fall between graphemes.
import { splitText } from '../text/graphemes.js';

/** One indivisible piece of a message: a line, a section title with its lines, one listed item. */
export interface Block<B> {
  text: string;
  /** A blank line before it (a new section), unless it opens a part. */
  gap?: boolean;
  /** Rows of actions that belong to this block. */
  actions?: B[][];
}

export interface Part<B> {
  text: string;
  actions: B[][];
}

export interface PackOptions<B> {
  /** The channel's limit in characters. */
  max: number;
  /** The first line of every part after the first: "… (tiếp theo, phần 2/3)". */
  continuation(part: number, parts: number): string;
  /**
   * Channels without buttons show actions as a numbered list under the text, and a newer list replaces the older one,
   * so every action goes with the last part and its list must fit in there as well. Returns the characters the
   * numbered list of these actions takes.
   */
  actionsAsText?: (actions: B[][]) => number;
}

/** The blocks' texts as one message: a line break between blocks, a blank line before a new section. */
function joined<B>(blocks: readonly Block<B>[]): string {
  let text = '';
  for (const b of blocks) text = text ? `${text}${b.gap ? '\n\n' : '\n'}${b.text}` : b.text;
  return text;
}

/** Fills parts in order, each as full as its budget allows. */
function greedy<B>(blocks: readonly Block<B>[], first: number, later: number): Block<B>[][] {
  const groups: Block<B>[][] = [];
  let current: Block<B>[] = [];
  for (const b of blocks) {
    const budget = groups.length === 0 ? first : later;
    if (current.length > 0 && joined([...current, b]).length > budget) {
      groups.push(current);
      current = [];
    }
    current.push(b);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function packBlocks<B>(blocks: readonly Block<B>[], options: PackOptions<B>): Part<B>[] {
  const { max } = options;
  const allActions = blocks.flatMap((b) => b.actions ?? []);
  const textOnly = options.actionsAsText !== undefined;
  const reserve = textOnly ? options.actionsAsText!(allActions) : 0;
  // Room for the continuation header, whose numbers are known only at the end: reserve the widest.
  const header = options.continuation(99, 99).length + 1;
  // The part that carries the numbered list (text-only channels) must leave room for it.
  const finalBudget = Math.max(200, max - reserve) - header;

  // A block that alone exceeds a part becomes pieces (its actions go with the last piece).
  const pieces: Block<B>[] = [];
  for (const b of blocks) {
    if (b.text.length <= finalBudget) {
      pieces.push(b);
      continue;
    }
    // Cut at line ends, else between words or characters people see (never inside one).
    const cuts = splitText(b.text, finalBudget);
    cuts.forEach((text, i) =>
      pieces.push({ text, ...(i === 0 && b.gap ? { gap: true } : {}), ...(i === cuts.length - 1 && b.actions ? { actions: b.actions } : {}) }),
    );
  }

  let groups: Block<B>[][];
  if (joined(pieces).length + reserve <= max) groups = [pieces];
  else if (!textOnly) groups = greedy(pieces, max, max - header);
  else {
    // Fill the last part from the end first, then the others in order.
    let split = pieces.length - 1;
    while (split > 0 && joined(pieces.slice(split - 1)).length <= finalBudget) split--;
    groups = [...greedy(pieces.slice(0, split), max, max - header), pieces.slice(split)];
  }

  const total = groups.length;
  return groups.map((g, i) => {
    const text = joined(g);
    const actions = textOnly ? (i === total - 1 ? allActions : []) : g.flatMap((b) => b.actions ?? []);
    return { text: i === 0 ? text : `${options.continuation(i + 1, total)}\n${text}`, actions };
  });
}
