import { appendFileSync } from 'node:fs';

/** QT_TRANSCRIPT=FILE: the chats of a test, as each person saw them, appended to FILE (the closing note's transcripts). */
export function transcript(title: string, chats: [string, { lines(): { text: string; buttons: { label: string }[]; attachment?: unknown }[] }][]): void {
  const file = process.env.QT_TRANSCRIPT;
  if (!file) return;
  const render = (l: { text: string; buttons: { label: string }[]; attachment?: unknown }) =>
    [l.text, ...(l.attachment ? ['[tệp đính kèm]'] : []), ...(l.buttons.length ? [l.buttons.map((b) => `[${b.label}]`).join(' ')] : [])].join('\n');
  appendFileSync(file, `\n######## ${title}\n` + chats.map(([who, p]) => `===== ${who} =====\n${p.lines().map(render).join('\n-----\n')}\n`).join(''));
}

/** ZALO_TRANSCRIPT=FILE: the Zalo chats of a test, as each person read them, appended to FILE. */
export function zaloTranscript(title: string, chats: [string, { texts(): string[] }][]): void {
  const file = process.env.ZALO_TRANSCRIPT;
  if (!file) return;
  const rendered = chats.map(([who, u]) => `===== ${who} =====\n${u.texts().join('\n-----\n')}\n`).join('');
  appendFileSync(file, `\n######## ${title}\n${rendered}`);
}
