// The app's actions as OA buttons, and when a message falls back to numbered replies.
import { describe, expect, it } from 'vitest';
import { actionFromPayload, actionPayload, planOaButtons } from '../../src/channels/zalo-oa/buttons.js';
import { encodeAction } from '../../src/app/actions.js';
import { graphemeCount } from '../../src/domain/text/graphemes.js';

const accept = { label: 'Nhận việc', action: encodeAction('task.accept', 4812) };
const extend = { label: 'Xin gia hạn', action: encodeAction('task.extend', 4812) };
const decline = { label: 'Từ chối', action: encodeAction('task.decline', 4812) };

describe('planOaButtons', () => {
  it('rows become one column of oa.query.hide buttons whose payload carries the action', () => {
    const plan = planOaButtons([[accept, extend], [decline]]);
    expect(plan).toEqual({
      kind: 'buttons',
      buttons: [
        { type: 'oa.query.hide', title: 'Nhận việc', payload: '#dd:ta:4812' },
        { type: 'oa.query.hide', title: 'Xin gia hạn', payload: '#dd:te:4812' },
        { type: 'oa.query.hide', title: 'Từ chối', payload: '#dd:td:4812' },
      ],
    });
    if (plan.kind !== 'buttons') throw new Error('buttons expected');
    for (const [i, b] of plan.buttons.entries()) expect(actionFromPayload(b.payload as string)).toBe([accept, extend, decline][i]!.action);
  });

  it('no actions → none', () => {
    expect(planOaButtons(undefined)).toEqual({ kind: 'none' });
    expect(planOaButtons([[], []])).toEqual({ kind: 'none' });
  });

  it('five fit; six fall back to numbered replies', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ label: `Trang ${i + 1}`, action: encodeAction('dialog.pick', i) }));
    expect(planOaButtons([five])).toMatchObject({ kind: 'buttons' });
    expect(planOaButtons([five, [{ label: 'Huỷ', action: encodeAction('dialog.cancel') }]])).toEqual({ kind: 'numbered', reason: 'too-many' });
  });

  it('cuts a long title to 35 characters people see, never inside an emoji or a letter with its marks', () => {
    const label = `NV-2026-0012 · Tổng hợp báo cáo kết quả thực hiện 👨‍👩‍👧‍👦 nhiệm vụ`;
    const plan = planOaButtons([[{ label, action: encodeAction('task.view', 12) }]]);
    if (plan.kind !== 'buttons') throw new Error('buttons expected');
    const title = plan.buttons[0]!.title;
    expect(graphemeCount(title)).toBeLessThanOrEqual(35);
    expect(title.endsWith('…')).toBe(true);
    expect(label.startsWith(title.slice(0, -1).trimEnd())).toBe(true);
    // Decomposed Vietnamese ("e" + two combining marks) is not split from its marks.
    const decomposed = `${'Báo cáo '.repeat(4)}Nguye\u0302\u0303n`;
    const cut = planOaButtons([[{ label: decomposed, action: 'tv:1' }]], { maxButtons: 5, titleMax: 34, payloadMax: 1000 });
    if (cut.kind !== 'buttons') throw new Error('buttons expected');
    expect(cut.buttons[0]!.title.normalize('NFC')).toBe(cut.buttons[0]!.title);
  });

  it('a title on several lines becomes one line', () => {
    const plan = planOaButtons([[{ label: 'Xem\nchi tiết', action: 'tv:1' }]]);
    expect(plan).toMatchObject({ kind: 'buttons', buttons: [{ title: 'Xem chi tiết' }] });
  });

  it('titles that become the same once cut fall back to numbered replies (the person could not tell them apart)', () => {
    const base = 'Báo cáo kết quả thực hiện nhiệm vụ quý';
    const plan = planOaButtons([
      [
        { label: `${base} III`, action: 'tv:1' },
        { label: `${base} IV`, action: 'tv:2' },
      ],
    ]);
    expect(plan).toEqual({ kind: 'numbered', reason: 'ambiguous-titles' });
  });

  it('an empty title or an over-long payload falls back too', () => {
    expect(planOaButtons([[{ label: ' \u200b ', action: 'tv:1' }]])).toEqual({ kind: 'numbered', reason: 'empty-title' });
    expect(planOaButtons([[{ label: 'Xem', action: 'tv:1' }]], { maxButtons: 5, titleMax: 35, payloadMax: 6 })).toEqual({
      kind: 'numbered',
      reason: 'payload-too-long',
    });
  });
});

describe('button payloads', () => {
  it('round-trip and ordinary text is not an action', () => {
    expect(actionFromPayload(actionPayload('ca:77'))).toBe('ca:77');
    expect(actionFromPayload('ca:77')).toBeUndefined();
    expect(actionFromPayload('#dd:')).toBeUndefined();
    expect(actionFromPayload('#dd:ca 77')).toBeUndefined();
    expect(actionFromPayload(`#dd:${'x'.repeat(65)}`)).toBeUndefined();
  });
});
