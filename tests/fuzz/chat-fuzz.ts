// The chat fuzz (issue 19.6): random but well-formed updates from a handful of officials (and strangers) on Telegram
// and Zalo, posted to the real webhooks of the whole app (tests/support/app-harness.ts): commands with hostile
// arguments, dialogs started and abandoned midway, buttons pressed, replayed and altered, forged actions, odd update
// types, hostile text, time moving so clocks fire. It checks, as it goes:
//   - no webhook answers 5xx, and everything goes idle again (nothing hangs);
//   - no message the bot sends is the internal-error answer, in either language;
//   - nothing is logged at error level, no promise is rejected unhandled;
//   - nothing hangs on a closed item (invariants.ts).
// The same seed gives the same run. A failure carries the seed and the steps; the steps are also written to a file
// that `npm run fuzz -- --replay FILE` posts again, in order.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message, Update, User } from 'grammy/types';
import { pino } from 'pino';
import { encodeAction, type Verb } from '../../src/app/actions.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { COMMANDS } from '../../src/app/interaction/commands.js';
import { ITEM_COMMANDS } from '../../src/app/interaction/item-commands.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, ZALO_WEBHOOK_SECRET, type Harness } from '../support/app-harness.js';
import { callbackQuery, command, documentMessage, photoMessage, textMessage, user, zaloId, zaloImage, zaloText, zaloUnsupported } from '../support/updates.js';
import { anyText, KNOWN_ELSEWHERE, TEXT_FAMILIES, textOf, type TextFamily } from './hostile-text.js';
import { hangingItems } from './invariants.js';
import { Random } from './random.js';

const HOUR = 3_600_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One thing done to the app, as posted: replaying the list posts the same bodies in the same order. */
export type Step =
  | { kind: 'telegram'; label: string; update: Update }
  | { kind: 'zalo'; label: string; body: unknown; shape?: 'wrapped' | 'flat' }
  | { kind: 'advance'; label: string; ms: number };

export interface FuzzOptions {
  seed: number;
  updates: number;
  /** Text families to use; default all but those another branch is fixing when FUZZ_TEXT=safe. */
  families?: readonly TextFamily[];
  /** Stop at the first failure (the test), or go on and count them (the long script). */
  stopAtFirst?: boolean;
  /** Post these steps instead of generating them. */
  replay?: Step[];
  /** Every how many steps to wait for idle and check the messages sent (default 20). */
  checkEvery?: number;
  log?: (line: string) => void;
  /** Print each step and what the bot sent after it (FUZZ_TRACE=1): slow, for finding out what a run did. */
  trace?: boolean;
}

export interface FuzzFailure {
  step: number;
  what: string;
}

export interface FuzzReport {
  seed: number;
  steps: number;
  labels: Record<string, number>;
  families: Record<string, number>;
  failures: FuzzFailure[];
  stepsFile?: string;
  /** The steps since the check before the first failure (one of them caused it). */
  beforeFirstFailure?: string[];
  items: { tasks: number; consultations: number; demands: number; messages: number };
  ms: number;
}

/**
 * Which families a run uses: FUZZ_TEXT=all; safe (leaves out the ones known to fail until branch d-text is merged);
 * or "-nul,long" (all but those); unset, `fallback`.
 */
export function familiesFrom(env: string | undefined, fallback: 'all' | 'safe' = 'all'): TextFamily[] {
  const choice = env || fallback;
  if (choice === 'safe') return TEXT_FAMILIES.filter((f) => !KNOWN_ELSEWHERE.includes(f));
  if (choice.startsWith('-')) {
    const out = choice.slice(1).split(',');
    return TEXT_FAMILIES.filter((f) => !out.includes(f));
  }
  return [...TEXT_FAMILIES];
}

interface TgPerson {
  code: string;
  id: number;
  from: User;
}
interface ZaloPerson {
  code: string;
  id: string;
}

const TELEGRAM_PEOPLE = [
  ['BTC-01', 9901],
  ['BTC-02', 9902],
  ['BTC-03', 9903],
  ['BTC-04', 9904],
  ['VPUB-01', 9905],
  ['PNV-01', 9906],
  ['VPUB-04', 9907],
] as const;
const ZALO_PEOPLE = ['PNV-02', 'VPUB-03', 'BTC-03'] as const;
const TELEGRAM_STRANGERS = [9990, 9991];

const COMMAND_WORDS = [...Object.values(COMMANDS).flat(), ...ITEM_COMMANDS.flatMap((c) => c.words), 'unknown', 'xyz', 'a'.repeat(32)];
const VERBS: Verb[] = [
  'task.accept',
  'task.extend',
  'task.decline',
  'task.report',
  'task.complete',
  'task.view',
  'task.confirm',
  'task.reopen',
  'task.cancel',
  'task.reassign',
  'task.insist',
  'task.nudge',
  'task.explain',
  'ext.approve',
  'ext.refuse',
  'list.tasks',
  'consult.agree',
  'consult.disagree',
  'consult.amend',
  'consult.clarify',
  'consult.view',
  'consult.close',
  'consult.round',
  'consult.nudge',
  'consult.explain',
  'consult.reply',
  'consult.delegate',
  'list.consults',
  'explain.answer',
  'explain.view',
  'signal.confirm',
  'signal.dismiss',
  'signal.explain',
  'signal.demand',
  'signal.record',
  'list.signals',
  'digest.open',
  'dialog.pick',
  'dialog.cancel',
  'dialog.skip',
];
const PICKS = ['NORMAL', 'HIGH', 'URGENT', 'yes', 'no', 'done', 'skip', 'default', '1', '0', 'x'];

export class ChatFuzz {
  readonly errors: string[] = [];
  private h!: Harness;
  private tg: TgPerson[] = [];
  private zalo: ZaloPerson[] = [];
  private ours = '';
  private internal: string[] = [];
  private readonly steps: Step[] = [];
  private readonly failures: FuzzFailure[] = [];
  private readonly labels: Record<string, number> = {};
  private readonly familyCount: Record<string, number> = {};
  private codes: string[] = [];
  private ids = { tasks: [] as number[], consultations: [] as number[], demands: [] as number[], requests: [] as number[], signals: [] as number[] };
  /** Who stands where on each item, for the scripted flows. */
  private items = {
    tasks: [] as { id: number; code: string; assigneeId: number; assignerId: number; status: string }[],
    consultations: [] as { id: number; code: string; askerId: number; respondents: number[]; status: string }[],
    demands: [] as { id: number; code: string; officialId: number; status: string }[],
    requests: [] as { id: number; taskId: number; status: string }[],
  };
  private officialOf = new Map<string, number>();
  /** Whom each person may give tasks to (official codes). */
  private assignable = new Map<string, string[]>();
  /** Steps of flows under way: mostly taken next, so a flow is walked to its end, sometimes interleaved or dropped. */
  private queue: { who: string; make: () => Step }[] = [];
  private seenTg = 0;
  private traced = { tg: 0, zalo: 0 };
  private seenZalo = 0;
  private readonly rnd: Random;
  private readonly families: readonly TextFamily[];
  private readonly sentTelegram: Update[] = [];
  private readonly sentZalo: unknown[] = [];
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);

  constructor(private readonly o: FuzzOptions) {
    this.rnd = new Random(o.seed);
    this.families = o.families ?? TEXT_FAMILIES;
  }

  async setUp(): Promise<void> {
    // Everything the app logs at error level is a finding: collected here, not printed.
    const logger = pino({ level: 'error' }, { write: (line: string) => void this.errors.push(`logged: ${line.trim().slice(0, 8000)}`) });
    this.h = await createHarness({ start: '2026-12-07T02:00:00Z', logger });
    const h = this.h;
    await h.importSample();
    for (const o of await h.db.db.official.findMany({ select: { id: true, code: true } })) this.officialOf.set(o.code, o.id);
    const org = await h.app.org();
    for (const [code, id] of this.officialOf)
      this.assignable.set(
        code,
        org.assignableBy(OfficialId(id)).map((o) => o.code),
      );
    for (const [code, id] of TELEGRAM_PEOPLE) this.tg.push({ code, id: await h.link(code, id), from: user(id, { firstName: code }) });
    for (const code of ZALO_PEOPLE) this.zalo.push({ code, id: await h.linkZalo(code, zaloId(`fuzz-${code}`)) });
    // A few items from the start, so buttons, codes and clocks exist from the first step.
    const due = new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR);
    await h.give('BTC-01', 'BTC-03', { title: 'Tổng hợp danh sách cán bộ diện luân chuyển', deadline: due });
    await h.give('BTC-01', 'BTC-04', { title: 'Rà soát hồ sơ đảng viên', deadline: due, priority: 'URGENT' });
    await h.give('VPUB-01', 'VPUB-03', { title: 'Chuẩn bị hội nghị giao ban', deadline: due, priority: 'HIGH' });
    await askForOpinion(h.app, OfficialId(await h.officialId('VPUB-01')), {
      respondentIds: [OfficialId(await h.officialId('PNV-01')), OfficialId(await h.officialId('PNV-02'))],
      subject: 'Phương án sắp xếp bộ phận một cửa',
      question: 'Đề nghị cho ý kiến về phương án kèm theo',
      deadline: null,
      priority: 'NORMAL',
    });
    await h.idle();
    this.ours = h.tg.botInfo.username;
    this.internal = [h.app.catalogue.t('vi', 'error-internal'), h.app.catalogue.t('en', 'error-internal')];
    this.seenTg = h.tg.calls.length;
    this.seenZalo = h.zalo.calls.length;
    await this.refresh();
    process.on('unhandledRejection', this.onRejection);
  }

  async tearDown(): Promise<void> {
    process.off('unhandledRejection', this.onRejection);
    await this.h?.close();
  }

  // ─── Running ──────────────────────────────────────────────────────────────────────────────────────────────────

  async run(): Promise<FuzzReport> {
    const started = Date.now();
    const total = this.o.replay?.length ?? this.o.updates;
    const every = this.o.checkEvery ?? 20;
    for (let i = 0; i < total; i++) {
      const step = this.o.replay ? this.o.replay[i]! : await this.next();
      this.steps.push(step);
      this.labels[step.label] = (this.labels[step.label] ?? 0) + 1;
      await this.post(step, i + 1);
      if (this.o.trace) {
        await this.h.idle(60_000).catch(() => {});
        const tg = this.h.tg.calls;
        const zalo = this.h.zalo.calls;
        const sent = [...tg.slice(this.traced.tg), ...zalo.slice(this.traced.zalo)]
          .filter((c) => typeof c.params.text === 'string')
          .map((c) => `${String(c.params.chat_id)}: ${String(c.params.text).slice(0, 160)}`);
        this.o.log?.(`TRACE ${i + 1}. ${describeStep(step).slice(0, 300)}${sent.map((x) => `\n    → ${x}`).join('')}`);
        this.traced = { tg: tg.length, zalo: zalo.length };
      }
      if ((i + 1) % every === 0 || step.kind === 'advance' || i === total - 1) await this.check(i + 1, (i + 1) % (every * 5) === 0 || i === total - 1);
      if (this.o.stopAtFirst && this.failures.length > 0) break;
    }
    const db = this.h.db.db;
    const [tasks, consultations, demands] = await Promise.all([db.task.count(), db.consultation.count(), db.explanationDemand.count()]);
    const report: FuzzReport = {
      seed: this.o.seed,
      steps: this.steps.length,
      labels: this.labels,
      families: this.familyCount,
      failures: this.failures,
      items: { tasks, consultations, demands, messages: this.h.tg.calls.length + this.h.zalo.calls.length },
      ms: Date.now() - started,
    };
    if (this.failures.length > 0) {
      report.stepsFile = this.writeSteps();
      const at = this.failures[0]!.step;
      const from = Math.max(0, at - (this.o.checkEvery ?? 20) - 2);
      report.beforeFirstFailure = this.steps.slice(from, at).map((s, i) => `${from + i + 1}. ${describeStep(s)}`);
    }
    return report;
  }

  private fail(step: number, what: string): void {
    this.failures.push({ step, what });
    this.o.log?.(`seed ${this.o.seed}, step ${step}: ${what.slice(0, 500)}`);
  }

  private writeSteps(): string {
    const file = path.join(tmpdir(), `dondoc-fuzz-${this.o.seed}-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ seed: this.o.seed, steps: this.steps }, null, 1));
    return file;
  }

  private async post(step: Step, n: number): Promise<void> {
    try {
      if (step.kind === 'advance') {
        await this.h.advance(step.ms);
        return;
      }
      const status =
        step.kind === 'telegram'
          ? await this.h.post(step.update)
          : await this.h.zalo.postWebhook(this.h.zaloWebhookUrl, step.body as never, { secret: ZALO_WEBHOOK_SECRET, shape: step.shape ?? 'wrapped' });
      if (step.kind === 'telegram') this.sentTelegram.push(step.update);
      else if (status === 200) this.sentZalo.push(step.body);
      if (status >= 500) this.fail(n, `${step.kind} webhook answered HTTP ${status} to ${step.label}`);
    } catch (e) {
      this.fail(n, `posting ${step.label} threw: ${(e as Error).stack}`);
    }
  }

  /** Waits for everything to settle, then reads what was sent and what was logged. */
  private async check(n: number, invariants: boolean): Promise<void> {
    try {
      await this.h.idle(60_000);
    } catch (e) {
      this.fail(n, `did not go idle: ${(e as Error).message}`);
    }
    const tgCalls = this.h.tg.calls;
    for (const c of tgCalls.slice(this.seenTg))
      this.scan(n, `telegram ${c.method} to ${String(c.params.chat_id ?? c.params.callback_query_id)}`, [c.params.text, c.params.caption]);
    this.seenTg = tgCalls.length;
    const zCalls = this.h.zalo.calls;
    for (const c of zCalls.slice(this.seenZalo)) this.scan(n, `zalo ${c.method} to ${String(c.params.chat_id)}`, [c.params.text, c.params.caption]);
    this.seenZalo = zCalls.length;
    for (const e of this.errors.splice(0)) this.fail(n, e);
    if (invariants) for (const p of await hangingItems(this.h.db.db)) this.fail(n, `hanging: ${p}`);
    await this.refresh();
  }

  private scan(n: number, where: string, texts: unknown[]): void {
    for (const t of texts) {
      if (typeof t !== 'string') continue;
      if (this.internal.some((x) => t.includes(x))) this.fail(n, `internal-error answer: ${where}`);
      // Half an emoji (a lone surrogate) is not UTF-8: the real platforms refuse such a text.
      if (LONE_SURROGATE.test(t))
        this.fail(
          n,
          `sent text with a lone surrogate: ${where}: …${JSON.stringify(t.slice(Math.max(0, t.search(LONE_SURROGATE) - 20), t.search(LONE_SURROGATE) + 5))}`,
        );
    }
  }

  private async refresh(): Promise<void> {
    const db = this.h.db.db;
    const [tasks, consultations, demands, requests, signals] = await Promise.all([
      db.task.findMany({ select: { id: true, code: true, assigneeId: true, assignerId: true, status: true } }),
      db.consultation.findMany({ select: { id: true, code: true, askerId: true, status: true, respondents: { select: { officialId: true } } } }),
      db.explanationDemand.findMany({ select: { id: true, code: true, officialId: true, status: true } }),
      db.extensionRequest.findMany({ select: { id: true, taskId: true, status: true } }),
      db.signal.findMany({ select: { id: true } }),
    ]);
    this.items = {
      tasks,
      consultations: consultations.map((c) => ({ ...c, respondents: c.respondents.map((r) => r.officialId) })),
      demands,
      requests,
    };
    this.codes = [...tasks, ...consultations, ...demands].map((x) => x.code);
    this.ids = {
      tasks: tasks.map((t) => t.id),
      consultations: consultations.map((c) => c.id),
      demands: demands.map((d) => d.id),
      requests: requests.map((r) => r.id),
      signals: signals.map((s) => s.id),
    };
  }

  // ─── Generating ───────────────────────────────────────────────────────────────────────────────────────────────

  private text(): string {
    const { family, text } = anyText(this.rnd, this.families, { codes: this.codes });
    this.familyCount[family] = (this.familyCount[family] ?? 0) + 1;
    return text;
  }

  private hostile(): string {
    const family = this.rnd.pick(this.families);
    this.familyCount[family] = (this.familyCount[family] ?? 0) + 1;
    return textOf(family, this.rnd, { codes: this.codes });
  }

  private commandText(): string {
    const r = this.rnd;
    let word = r.pick(COMMAND_WORDS);
    if (r.chance(0.1)) word = word.toUpperCase();
    const suffix = r.weighted([
      [8, ''],
      [1, `@${this.ours}`],
      [1, '@other_bot'],
    ] as const);
    const args = r.weighted([
      [3, () => ''],
      [3, () => (r.chance(0.7) && this.codes.length ? r.pick(this.codes) : this.hostile())],
      [2, () => `${r.chance(0.7) && this.codes.length ? r.pick(this.codes) : 'NV-2026-0001'} ${this.text()}`],
      [2, () => this.text()],
    ] as const)();
    return `/${word}${suffix}${args ? ` ${args}` : ''}`;
  }

  /** An action: a real one built on an existing item, or one from a button, or forged and altered. */
  private actionData(person: TgPerson | undefined): string {
    const r = this.rnd;
    const pressed = person ? this.buttonsOf(person.id) : [];
    const idFor = (verb: Verb): number | string => {
      if (verb.startsWith('task.')) return this.ids.tasks.length ? r.pick(this.ids.tasks) : 1;
      if (verb.startsWith('ext.')) return this.ids.requests.length ? r.pick(this.ids.requests) : 1;
      if (verb.startsWith('consult.')) {
        const id = this.ids.consultations.length ? r.pick(this.ids.consultations) : 1;
        return ['consult.nudge', 'consult.explain', 'consult.reply', 'consult.delegate'].includes(verb) && r.chance(0.6) ? `${id}.${r.int(1, 60)}` : id;
      }
      if (verb.startsWith('explain.')) return this.ids.demands.length ? r.pick(this.ids.demands) : 1;
      if (verb.startsWith('signal.')) return this.ids.signals.length ? r.pick(this.ids.signals) : 1;
      if (verb === 'dialog.pick') return r.pick([...PICKS, String(r.int(1, 60))]);
      return r.int(0, 5);
    };
    return r.weighted([
      [4, () => (pressed.length ? r.pick(pressed.slice(-4)).data : encodeAction('list.tasks', 1))],
      [2, () => (pressed.length ? r.pick(pressed).data : encodeAction('dialog.cancel'))],
      [
        3,
        () => {
          const verb = r.pick(VERBS);
          return encodeAction(verb, idFor(verb));
        },
      ],
      [2, () => this.alter(pressed.length ? r.pick(pressed).data : encodeAction('task.accept', 1))],
    ] as const)();
  }

  private alter(data: string): string {
    const r = this.rnd;
    return r.weighted([
      [2, () => data.replace(/\d/, String(r.int(0, 9)))],
      [1, () => `${data}:999`],
      [1, () => data.slice(0, r.int(0, data.length))],
      [1, () => `${r.pick(['ta', 'zz', 'dp', 'ea', 'xx', ''])}${data.slice(2)}`],
      [1, () => `${data.split(':')[0]}:${r.pick(['-1', '0', '99999999999', '1.2.3', 'abc', '..', '_'])}`],
      [1, () => 'x'.repeat(r.int(60, 80))],
      [1, () => ''],
      [1, () => `${data}\u0000`],
      [1, () => `${data}🔥`],
    ] as const)();
  }

  private buttonsOf(chatId: number): { data: string; message: Message }[] {
    const out: { data: string; message: Message }[] = [];
    for (const c of this.h.tg.callsForChat(chatId)) {
      if (!c.outcome.ok) continue;
      const markup = c.params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
      for (const b of (markup?.inline_keyboard ?? []).flat()) if (b.callback_data) out.push({ data: b.callback_data, message: c.outcome.result as Message });
    }
    return out;
  }

  private async next(): Promise<Step> {
    const r = this.rnd;
    if (this.queue.length > 0 && r.chance(0.85)) {
      const { who, make } = this.queue.shift()!;
      // Now and then a person leaves a flow half done (the next command or button ends it, or it expires).
      if (r.chance(0.07)) this.queue = this.queue.filter((q) => q.who !== who);
      return make();
    }
    const kind = r.weighted([
      [10, 'tg-command'],
      [10, 'tg-text'],
      [10, 'tg-press'],
      [3, 'tg-script'],
      [6, 'tg-flow'],
      [3, 'zalo-flow'],
      [3, 'tg-odd'],
      [2, 'tg-file'],
      [2, 'tg-replay'],
      [2, 'tg-stranger'],
      [5, 'zalo-text'],
      [4, 'zalo-command'],
      [4, 'zalo-number'],
      [2, 'zalo-odd'],
      [1, 'zalo-replay'],
      [1, 'zalo-stranger'],
      [2, 'advance'],
    ] as const);
    const p = r.pick(this.tg);
    const z = r.pick(this.zalo);
    switch (kind) {
      case 'tg-command':
        return { kind: 'telegram', label: kind, update: this.tgText(p.from, this.commandText()) };
      case 'tg-text':
        return { kind: 'telegram', label: kind, update: textMessage(p.from, this.text()) };
      case 'tg-press': {
        const data = this.actionData(p);
        const message = this.buttonsOf(p.id).find((b) => b.data === data)?.message;
        return { kind: 'telegram', label: kind, update: callbackQuery(p.from, data, message) };
      }
      case 'tg-script':
        return { kind: 'telegram', label: kind, update: this.scriptStep(p) };
      case 'tg-flow':
        this.startTelegramFlow(p);
        return this.next();
      case 'zalo-flow':
        this.startZaloFlow(z);
        return this.next();
      case 'tg-odd':
        return { kind: 'telegram', label: kind, update: this.oddTelegram(p.from) };
      case 'tg-file':
        return {
          kind: 'telegram',
          label: kind,
          update: r.chance(0.5)
            ? photoMessage(p.from, { fileId: `photo-${r.int(1, 1e6)}`, ...(r.chance(0.7) ? { caption: this.text() } : {}) })
            : documentMessage(p.from, {
                fileId: `doc-${r.int(1, 1e6)}`,
                fileName: r.chance(0.5) ? 'bao-cao.pdf' : this.hostile(),
                ...(r.chance(0.7) ? { caption: this.text() } : {}),
              }),
        };
      case 'tg-replay':
        return this.sentTelegram.length
          ? { kind: 'telegram', label: kind, update: r.pick(this.sentTelegram) }
          : { kind: 'telegram', label: kind, update: textMessage(p.from, '/viec') };
      case 'tg-stranger': {
        const from = user(r.pick(TELEGRAM_STRANGERS), { languageCode: r.pick(['vi', 'en', 'fr', 'zh-hans']) });
        return {
          kind: 'telegram',
          label: kind,
          update: r.chance(0.5)
            ? this.tgText(from, `/start ${r.chance(0.5) ? this.hostile() : 'ABCD2345'}`)
            : r.chance(0.5)
              ? textMessage(from, this.text())
              : callbackQuery(from, this.actionData(undefined)),
        };
      }
      case 'zalo-text':
        return { kind: 'zalo', label: kind, body: zaloText(z.id, this.text()) };
      case 'zalo-command':
        return { kind: 'zalo', label: kind, body: zaloText(z.id, this.commandText()) };
      case 'zalo-number':
        return { kind: 'zalo', label: kind, body: zaloText(z.id, r.pick(['1', '2', '3', '4', '5', ' 2 ', '0', '10', '99'])) };
      case 'zalo-odd':
        return this.oddZalo(z.id);
      case 'zalo-replay':
        return this.sentZalo.length ? { kind: 'zalo', label: kind, body: r.pick(this.sentZalo) } : { kind: 'zalo', label: kind, body: zaloText(z.id, '/viec') };
      case 'zalo-stranger':
        return { kind: 'zalo', label: kind, body: zaloText(zaloId(`stranger-${r.int(1, 3)}`), r.chance(0.5) ? this.hostile() : this.commandText()) };
      case 'advance':
        // Mostly minutes (dialogs stay open), sometimes days (clocks fire, dialogs and prompts expire).
        return { kind: 'advance', label: kind, ms: r.chance(0.7) ? r.int(5, 90) * 60_000 : r.int(3, 72) * HOUR + r.int(0, 59) * 60_000 };
    }
  }

  // ─── Flows walked step by step (the queue) ────────────────────────────────────────────────────────────────────

  /** Text for a step: what the step wants most of the time, hostile now and then. */
  private answer(families: readonly TextFamily[]): string {
    const r = this.rnd;
    if (r.chance(0.12)) {
      // Text at a length limit is what breaks a flow at its confirm step (a cut inside an emoji): favour it here.
      if (this.families.includes('emoji-at-limit') && r.chance(0.4)) {
        this.familyCount['emoji-at-limit'] = (this.familyCount['emoji-at-limit'] ?? 0) + 1;
        return textOf('emoji-at-limit', r, { codes: this.codes });
      }
      return this.hostile();
    }
    const family = r.pick(families);
    this.familyCount[family] = (this.familyCount[family] ?? 0) + 1;
    return textOf(family, r, { codes: this.codes });
  }

  private deadlineText(): string {
    return this.rnd.weighted([
      [7, () => this.answer(['date'])],
      [2, () => textOf('far-date', this.rnd, { codes: this.codes })],
      [1, () => this.hostile()],
    ] as const)();
  }

  /** Someone `code` may give a task to, mostly a person linked here (so the notice is really sent), else anyone. */
  private assigneeFor(code: string, someone: () => string): string {
    const r = this.rnd;
    const may = this.assignable.get(code) ?? [];
    const linked = may.filter((c) => this.tg.some((p) => p.code === c) || this.zalo.some((z) => z.code === c));
    if (linked.length > 0 && r.chance(0.7)) return r.pick(linked);
    return may.length > 0 && r.chance(0.9) ? r.pick(may) : someone();
  }

  private enqueue(who: string, label: string, makes: (() => Step)[]): void {
    for (const make of makes) this.queue.push({ who, make: () => ({ ...make(), label }) });
  }

  private startTelegramFlow(p: TgPerson): void {
    const r = this.rnd;
    const me = this.officialOf.get(p.code)!;
    const tg = (u: () => Update) => (): Step => ({ kind: 'telegram', label: '', update: u() });
    const say = (text: () => string) => tg(() => this.tgText(p.from, text()));
    const press = (data: () => string) => tg(() => callbackQuery(p.from, data()));
    const pick = (value: () => string) => press(() => encodeAction('dialog.pick', value()));
    const someone = () => r.pick([...this.officialOf.keys()].filter((c) => c !== p.code && /^(BTC|VPUB|PNV|HU)-/.test(c)));
    const assignee = () => this.assigneeFor(p.code, someone);
    const priority = () => r.pick(['NORMAL', 'NORMAL', 'HIGH', 'URGENT']);
    const mine = this.items.tasks.filter((t) => t.assigneeId === me);
    const given = this.items.tasks.filter((t) => t.assignerId === me);
    const asked = this.items.consultations.filter((c) => c.respondents.includes(me));
    const askedBy = this.items.consultations.filter((c) => c.askerId === me);
    const demands = this.items.demands.filter((d) => d.officialId === me);
    const flows: [number, () => (() => Step)[]][] = [
      [
        3,
        () => [
          say(() => `/giaoviec ${assignee()}`),
          say(() => this.answer(['plain'])),
          say(() => this.answer(['plain'])),
          say(() => this.deadlineText()),
          pick(priority),
          pick(() => 'yes'),
        ],
      ],
      [
        2,
        () => [
          say(() => `/xinykien ${someone()}`),
          pick(() => 'done'),
          say(() => this.answer(['plain'])),
          say(() => this.answer(['plain'])),
          pick(priority),
          r.chance(0.5) ? pick(() => 'default') : say(() => this.deadlineText()),
          r.chance(0.7) ? pick(() => 'skip') : say(() => this.answer(['code'])),
          pick(() => 'yes'),
        ],
      ],
    ];
    if (mine.length) {
      const t = r.pick(mine);
      flows.push(
        [2, () => [press(() => encodeAction('task.accept', t.id))]],
        [2, () => [press(() => encodeAction('task.extend', t.id)), say(() => this.deadlineText()), say(() => this.answer(['plain']))]],
        [1, () => [press(() => encodeAction('task.decline', t.id)), say(() => this.answer(['plain']))]],
        [
          2,
          () => [press(() => encodeAction('task.report', t.id)), pick(() => r.pick(['25', '50', '75', '100', '0', '150'])), say(() => this.answer(['plain']))],
        ],
        [2, () => [press(() => encodeAction('task.complete', t.id)), say(() => this.answer(['plain']))]],
      );
    }
    if (given.length) {
      const t = r.pick(given);
      const req = this.items.requests.filter((q) => q.taskId === t.id);
      flows.push(
        [2, () => [press(() => encodeAction('task.confirm', t.id))]],
        [1, () => [press(() => encodeAction('task.reopen', t.id)), say(() => this.answer(['plain']))]],
        [1, () => [press(() => encodeAction('task.cancel', t.id)), say(() => this.answer(['plain']))]],
        [1, () => [press(() => encodeAction('task.reassign', t.id)), say(() => assignee())]],
        [1, () => [press(() => encodeAction('task.insist', t.id))]],
        [1, () => [press(() => encodeAction('task.explain', t.id)), say(() => this.answer(['plain']))]],
        [1, () => [press(() => encodeAction('task.nudge', t.id))]],
      );
      if (req.length) flows.push([2, () => [press(() => encodeAction(r.pick(['ext.approve', 'ext.refuse'] as const), r.pick(req).id))]]);
    }
    if (asked.length) {
      const c = r.pick(asked);
      flows.push(
        [2, () => [press(() => encodeAction('consult.agree', c.id))]],
        [
          2,
          () => [press(() => encodeAction(r.pick(['consult.disagree', 'consult.amend', 'consult.clarify'] as const), c.id)), say(() => this.answer(['plain']))],
        ],
        [1, () => [say(() => this.answer(['plain']))]],
      );
    }
    if (askedBy.length) {
      const c = r.pick(askedBy);
      flows.push(
        [1, () => [press(() => encodeAction('consult.close', c.id)), say(() => this.answer(['plain']))]],
        [
          1,
          () => [
            press(() => encodeAction('consult.round', c.id)),
            say(() => this.answer(['plain'])),
            r.chance(0.5) ? pick(() => 'default') : say(() => this.deadlineText()),
          ],
        ],
        [1, () => [press(() => encodeAction('consult.nudge', c.id))]],
      );
    }
    if (demands.length) flows.push([2, () => [press(() => encodeAction('explain.answer', r.pick(demands).id)), say(() => this.answer(['plain']))]]);
    this.enqueue(p.code, 'tg-flow', r.weighted(flows)());
  }

  /** On Zalo the same flows are typed: commands with a code, numbered choices, words for priorities. */
  private startZaloFlow(z: ZaloPerson): void {
    const r = this.rnd;
    const me = this.officialOf.get(z.code)!;
    const say = (text: () => string) => (): Step => ({ kind: 'zalo', label: '', body: zaloText(z.id, text()) });
    const code = <T extends { code: string }>(list: T[]) => (list.length ? r.pick(list).code : 'NV-2026-0001');
    const mine = this.items.tasks.filter((t) => t.assigneeId === me);
    const asked = this.items.consultations.filter((c) => c.respondents.includes(me));
    const demands = this.items.demands.filter((d) => d.officialId === me);
    const someone = () => r.pick([...this.officialOf.keys()].filter((c) => c !== z.code && /^(BTC|VPUB|PNV)-/.test(c)));
    const assignee = () => this.assigneeFor(z.code, someone);
    const flows: [number, () => (() => Step)[]][] = [
      [
        2,
        () => [
          say(() => `/giaoviec ${assignee()}`),
          say(() => this.answer(['plain'])),
          say(() => this.answer(['plain'])),
          say(() => this.deadlineText()),
          say(() => r.pick(['thường', 'khẩn', 'ưu tiên', '3'])),
          say(() => '1'),
        ],
      ],
      [
        1,
        () => [
          say(() => `/xinykien ${someone()}`),
          say(() => '1'),
          say(() => this.answer(['plain'])),
          say(() => this.answer(['plain'])),
          say(() => 'thường'),
          say(() => this.deadlineText()),
          say(() => '1'),
          say(() => '1'),
        ],
      ],
      [1, () => [say(() => '/viec'), say(() => String(r.int(1, 6)))]],
      [1, () => [say(() => '/ykien'), say(() => String(r.int(1, 6))), say(() => this.answer(['plain']))]],
    ];
    if (mine.length) {
      const c = () => code(mine);
      flows.push(
        [2, () => [say(() => `/nhan ${c()}`)]],
        [1, () => [say(() => `/tuchoi ${c()} ${this.answer(['plain'])}`)]],
        [2, () => [say(() => `/giahan ${c()}`), say(() => this.deadlineText()), say(() => this.answer(['plain']))]],
        [2, () => [say(() => `/baocao ${c()}`), say(() => r.pick(['50', '1', '2', '100', '101'])), say(() => this.answer(['plain']))]],
        [1, () => [say(() => `/xong ${c()} ${this.answer(['plain'])}`)]],
      );
    }
    if (asked.length) flows.push([2, () => [say(() => `/${r.pick(['dongy', 'khongdongy', 'bosung', 'hoilai'])} ${code(asked)} ${this.answer(['plain'])}`)]]);
    if (demands.length) flows.push([1, () => [say(() => `/giaitrinh ${code(demands)} ${this.answer(['plain'])}`)]]);
    this.enqueue(z.code, 'zalo-flow', r.weighted(flows)());
  }

  private tgText(from: User, text: string): Update {
    const m = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(text);
    return m ? command(from, m[1]!, m[2]) : textMessage(from, text);
  }

  /**
   * One step of a flow as a person walks it: starting one, answering its current question plausibly (or not), or
   * choosing a dialog option by its action. Several in a row drive a flow to its end; any other step abandons it.
   */
  private scriptStep(p: TgPerson): Update {
    const r = this.rnd;
    return r.weighted([
      [
        2,
        () =>
          this.tgText(
            p.from,
            r.pick([
              '/giaoviec',
              '/giaoviec BTC-03',
              '/giaoviec Nguyễn Văn An',
              '/xinykien',
              '/xinykien PNV-02',
              '/baocao',
              '/assign BTC-04',
              '/ask Trần Thị Bích Ngọc',
            ]),
          ),
      ],
      [
        5,
        () =>
          textMessage(
            p.from,
            r.chance(0.8) ? textOf(r.pick(['plain', 'name', 'date', 'far-date', 'number'] as const), r, { codes: this.codes }) : this.hostile(),
          ),
      ],
      [4, () => callbackQuery(p.from, encodeAction('dialog.pick', r.pick(PICKS)))],
      [1, () => callbackQuery(p.from, encodeAction(r.pick(['dialog.skip', 'dialog.cancel'] as const)))],
      [
        3,
        () => {
          const verb = r.pick([
            'task.accept',
            'task.extend',
            'task.decline',
            'task.report',
            'task.complete',
            'task.confirm',
            'task.reopen',
            'task.cancel',
            'consult.agree',
            'consult.disagree',
            'consult.amend',
            'consult.close',
            'ext.approve',
            'ext.refuse',
          ] as const);
          const ids = verb.startsWith('ext.') ? this.ids.requests : verb.startsWith('task.') ? this.ids.tasks : this.ids.consultations;
          return callbackQuery(p.from, encodeAction(verb, ids.length ? r.pick(ids) : 1));
        },
      ],
    ] as const)();
  }

  private oddTelegram(from: User): Update {
    const r = this.rnd;
    const id = 90_000_000 + r.int(0, 9_999_999);
    const base = { message_id: r.int(1, 1e6), date: Math.floor(Date.now() / 1000) };
    const chat = { id: from.id, type: 'private' as const, first_name: from.first_name };
    const make = r.weighted<() => Update>([
      [2, () => ({ update_id: id, edited_message: { ...base, edit_date: base.date, chat, from, text: this.text() } }) as Update],
      [1, () => ({ update_id: id, channel_post: { ...base, chat: { id: -1001234, type: 'channel', title: 'Kênh' }, text: this.text() } }) as Update],
      [2, () => textMessage(from, this.commandText(), { chatId: -5001 })],
      [1, () => textMessage({ ...from, is_bot: true }, '/viec')],
      [
        1,
        () =>
          ({
            update_id: id,
            message: {
              ...base,
              chat,
              from,
              sticker: { file_id: 's1', file_unique_id: 'us1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
            },
          }) as Update,
      ],
      [1, () => ({ update_id: id, message: { ...base, chat, from, location: { latitude: 21.03, longitude: 105.85 } } }) as Update],
      [1, () => ({ update_id: id, message: { ...base, chat, from, contact: { phone_number: '0900000000', first_name: this.hostile() } } }) as Update],
      [1, () => ({ update_id: id, message: { ...base, chat, from, voice: { file_id: 'v1', file_unique_id: 'uv1', duration: 3 } } }) as Update],
      [1, () => ({ update_id: id, message: { ...base, chat, from, text: '' } }) as Update],
      [1, () => ({ update_id: id, message: { ...base, chat, from, text: '/viec', entities: [{ type: 'bot_command', offset: 3, length: 40 }] } }) as Update],
      [
        1,
        () =>
          ({
            update_id: id,
            my_chat_member: {
              chat,
              from,
              date: base.date,
              old_chat_member: { user: { id: 1, is_bot: true, first_name: 'bot' }, status: 'member' },
              new_chat_member: { user: { id: 1, is_bot: true, first_name: 'bot' }, status: 'kicked', until_date: 0 },
            },
          }) as Update,
      ],
      [
        1,
        () =>
          ({
            update_id: id,
            callback_query: { id: `cbq-odd-${id}`, from, chat_instance: 'ci', game_short_name: 'game', message: { ...base, chat, text: '…' } },
          }) as Update,
      ],
      [
        1,
        () =>
          ({
            update_id: id,
            callback_query: { id: `cbq-odd-${id}`, from, chat_instance: 'ci', inline_message_id: 'inline-1', data: encodeAction('task.accept', 1) },
          }) as Update,
      ],
      [1, () => ({ update_id: id, poll_answer: { poll_id: 'p1', user: from, option_ids: [0] } }) as Update],
      [
        1,
        () =>
          ({
            update_id: id,
            message: {
              ...base,
              chat,
              from,
              text: this.text(),
              reply_to_message: { ...base, chat, from: { id: 1, is_bot: true, first_name: 'bot' }, text: 'Tin trước' },
            },
          }) as Update,
      ],
    ]);
    return make();
  }

  private oddZalo(fromId: string): Step {
    const r = this.rnd;
    const message = {
      message_id: zaloId(`odd-${r.int(1, 1e9)}`),
      date: Date.now(),
      chat: { id: fromId, chat_type: 'PRIVATE' },
      from: { id: fromId, display_name: this.hostile(), is_bot: false },
    };
    const make = r.weighted<() => Step>([
      [
        2,
        () => ({
          kind: 'zalo',
          label: 'zalo-image',
          body: zaloImage(fromId, {
            url: `https://example.invalid/${r.int(1, 1e6)}.jpg`,
            ...(r.chance(0.6) ? { caption: this.text() } : {}),
            field: r.pick(['photo', 'photo_url'] as const),
          }),
        }),
      ],
      [1, () => ({ kind: 'zalo', label: 'zalo-unsupported', body: zaloUnsupported(fromId, { withMessage: r.chance(0.5) }) })],
      [
        1,
        () => ({
          kind: 'zalo',
          label: 'zalo-sticker',
          body: { event_name: 'message.sticker.received', message: { ...message, sticker: 'st1', url: 'https://example.invalid/s.png' } },
        }),
      ],
      [
        1,
        () => ({
          kind: 'zalo',
          label: 'zalo-unknown-event',
          body: { event_name: r.pick(['message.voice.received', 'user.follow', 'message.link.received', '']), message },
        }),
      ],
      [1, () => ({ kind: 'zalo', label: 'zalo-group', body: zaloText(fromId, this.commandText(), { chatType: 'GROUP', chatId: zaloId('group') }) })],
      [
        1,
        () => ({
          kind: 'zalo',
          label: 'zalo-from-bot',
          body: { event_name: 'message.text.received', message: { ...message, from: { ...message.from, is_bot: true }, text: '/viec' } },
        }),
      ],
      [
        1,
        () => ({
          kind: 'zalo',
          label: 'zalo-date-seconds',
          body: { event_name: 'message.text.received', message: { ...message, date: Math.floor(Date.now() / 1000), text: this.text() } },
        }),
      ],
      [1, () => ({ kind: 'zalo', label: 'zalo-flat', shape: 'flat', body: zaloText(fromId, this.text()) })],
      [
        1,
        () => ({
          kind: 'zalo',
          label: 'zalo-bad-shape',
          body: r.pick([{}, { event_name: 'message.text.received' }, { event_name: 'message.text.received', message: { ...message, text: 5 } }, [], 'x', null]),
        }),
      ],
    ]);
    return make();
  }
}

/** One step in a line: what kind, and the update's text or data (shortened). */
export function describeStep(s: Step): string {
  if (s.kind === 'advance') return `advance ${(s.ms / HOUR).toFixed(2)} h`;
  const body = JSON.stringify(s.kind === 'telegram' ? s.update : s.body);
  return `${s.label}: ${body.length > 400 ? `${body.slice(0, 400)}…` : body}`;
}

/** A whole run: set up, run, tear down. */
export async function runChatFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const fuzz = new ChatFuzz(o);
  try {
    await fuzz.setUp();
    return await fuzz.run();
  } finally {
    await fuzz.tearDown();
  }
}

/** The report as lines: seed, counts, and each failure with the steps file. */
export function describeReport(r: FuzzReport, families: readonly TextFamily[]): string {
  const lines = [
    `chat fuzz: seed ${r.seed}, ${r.steps} updates in ${(r.ms / 1000).toFixed(1)} s; text families: ${families.length === TEXT_FAMILIES.length ? 'all' : families.join(',')}`,
    `  kinds: ${Object.entries(r.labels)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  text sent by family: ${Object.entries(r.families)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  items made: ${r.items.tasks} tasks, ${r.items.consultations} consultations, ${r.items.demands} demands; ${r.items.messages} platform calls`,
  ];
  if (r.failures.length === 0) lines.push('  no failure');
  else {
    lines.push(`  ${r.failures.length} failure(s); replay: FUZZ_SEED=${r.seed} or npm run fuzz -- --replay ${r.stepsFile}`);
    for (const [i, f] of r.failures.slice(0, 20).entries()) lines.push(`  step ${f.step}: ${f.what.slice(0, i < 2 ? 8000 : 1500)}`);
    lines.push('  the steps before the first failure:', ...(r.beforeFirstFailure ?? []).map((s) => `    ${s}`));
  }
  return lines.join('\n');
}
