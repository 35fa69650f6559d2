// Packs a long message made of items into parts that fit a channel's limit without cutting an item in half. Each
// part carries the actions of the items it shows; parts after the first start with a continuation header.

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

/** Cuts one block that alone exceeds the limit at line ends, else hard (never happens with our bounded texts). */
function cut(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      if (current) {
        out.push(current);
        current = '';
      }
      out.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    const candidate = current ? `${current}\n${rest}` : rest;
    if (candidate.length <= max) current = candidate;
    else {
      out.push(current);
      current = rest;
    }
  }
  if (current) out.push(current);
  return out;
}

export function packBlocks<B>(blocks: readonly Block<B>[], options: PackOptions<B>): Part<B>[] {
  const allActions = blocks.flatMap((b) => b.actions ?? []);
  const textOnly = options.actionsAsText !== undefined;
  // Room for the continuation header, whose numbers are known only at the end: reserve the widest.
  const header = options.continuation(99, 99).length + 1;
  const reserve = textOnly ? options.actionsAsText!(allActions) : 0;
  const budget = Math.max(200, options.max - reserve);

  const parts: { text: string; actions: B[][] }[] = [];
  let text = '';
  let actions: B[][] = [];
  const limit = () => (parts.length === 0 ? budget : budget - header);
  const flush = () => {
    if (text) parts.push({ text, actions });
    text = '';
    actions = [];
  };

  for (const block of blocks) {
    const joined = text ? `${text}${block.gap ? '\n\n' : '\n'}${block.text}` : block.text;
    if (joined.length <= limit()) {
      text = joined;
      actions.push(...(block.actions ?? []));
      continue;
    }
    flush();
    if (block.text.length <= limit()) {
      text = block.text;
      actions.push(...(block.actions ?? []));
      continue;
    }
    const pieces = cut(block.text, budget - header);
    for (let i = 0; i < pieces.length - 1; i++) parts.push({ text: pieces[i]!, actions: [] });
    text = pieces.at(-1) ?? '';
    actions.push(...(block.actions ?? []));
  }
  flush();

  const total = parts.length;
  return parts.map((p, i) => ({
    text: i === 0 ? p.text : `${options.continuation(i + 1, total)}\n${p.text}`,
    actions: textOnly ? (i === total - 1 ? allActions : []) : p.actions,
  }));
}
