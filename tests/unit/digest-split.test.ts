import { describe, expect, it } from 'vitest';
import { packBlocks, type Block } from '../../src/domain/digest/split.js';

const continuation = (part: number, parts: number) => `Tổng hợp (tiếp theo, phần ${part}/${parts})`;

function items(n: number, length: number): Block<string>[] {
  return Array.from({ length: n }, (_, i) => {
    const head = `${i + 1}. NV-2026-${String(i + 1).padStart(4, '0')} `;
    return { text: head + 'x'.repeat(length - head.length), actions: [[`view-${i + 1}`, `explain-${i + 1}`]] };
  });
}

describe('packing a digest into messages', () => {
  it('keeps a short message whole, with every action', () => {
    const parts = packBlocks([{ text: 'Tiêu đề' }, ...items(3, 50)], { max: 4096, continuation });
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text.split('\n')).toHaveLength(4);
    expect(parts[0]!.actions).toHaveLength(3);
  });

  it('splits between items, never inside one, each part under the limit with its own actions', () => {
    const blocks = [{ text: 'Tiêu đề\nPhạm vi' }, { text: 'Quá hạn lâu nhất:', gap: true }, ...items(20, 180)];
    const parts = packBlocks(blocks, { max: 1000, continuation });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(1000);
    parts.slice(1).forEach((p, i) => expect(p.text.split('\n')[0]).toBe(`Tổng hợp (tiếp theo, phần ${i + 2}/${parts.length})`));
    // Every item appears once, whole, and its actions travel with it.
    const lines = parts.flatMap((p) => p.text.split('\n')).filter((l) => /^\d+\. NV-/.test(l));
    expect(lines).toEqual(items(20, 180).map((b) => b.text));
    for (const p of parts) {
      const shown = p.text
        .split('\n')
        .filter((l) => /^\d+\. NV-/.test(l))
        .map((l) => Number(l.split('.')[0]));
      expect(p.actions.map((row) => Number(row[0]!.split('-')[1]))).toEqual(shown);
    }
    // The blank line before a section is kept inside a part and dropped at the top of one.
    expect(parts[0]!.text.startsWith('Tiêu đề\nPhạm vi\n\nQuá hạn lâu nhất:')).toBe(true);
  });

  it('on a channel without buttons puts every action on the last part and leaves room for the numbered list', () => {
    const asText = (rows: string[][]) => rows.flat().reduce((n, a) => n + a.length + 6, 60);
    const blocks = [{ text: 'Tiêu đề' }, ...items(12, 150)];
    const parts = packBlocks(blocks, { max: 2000, continuation, actionsAsText: asText });
    expect(parts.length).toBeGreaterThan(1);
    const room = 2000 - asText(blocks.flatMap((b) => b.actions ?? []));
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(2000);
    expect(parts.at(-1)!.text.length).toBeLessThanOrEqual(room);
    expect(parts.at(-1)!.text.length).toBeGreaterThan(room - 200); // filled from the end: no room wasted
    expect(parts.slice(0, -1).every((p) => p.actions.length === 0)).toBe(true);
    expect(parts.at(-1)!.actions).toHaveLength(12);
  });

  it('cuts a single block longer than the limit at line ends as a last resort', () => {
    const long = Array.from({ length: 30 }, (_, i) => `dòng ${i} ${'y'.repeat(40)}`).join('\n');
    const parts = packBlocks([{ text: 'Tiêu đề' }, { text: long }], { max: 400, continuation });
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(400);
    expect(parts.flatMap((p) => p.text.split('\n')).filter((l) => l.startsWith('dòng'))).toHaveLength(30);
  });
});
