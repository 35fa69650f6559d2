// Commands that name an item by its code: `/nhan NV-2026-0012`, `/dongy YK-2026-0003`, `/giaitrinh GT-2026-0001`.
// Each is the typed form of an action (src/app/actions.ts), so it works at any time and on every channel, and a
// channel without buttons can print it next to each numbered choice. The words follow the slash commands of
// PRODUCT.md §6: Vietnamese without diacritics, each with an English alias.
import type { Locale } from '../../domain/locale.js';
import { parseItemCode } from '../../domain/task/types.js';
import { decodeAction, encodeAction, idArg, type Verb } from '../actions.js';
import type { AppStores } from '../ports/stores.js';
import type { CodedKind } from '../ports/stores/items.js';
import type { CommandName } from './commands.js';

/** The kinds of item that carry a code, by the code's prefix. */
const KIND_BY_PREFIX: Record<'NV' | 'YK' | 'GT', CodedKind> = { NV: 'task', YK: 'consultation', GT: 'explanation' };
const EXAMPLE: Record<CodedKind, string> = { task: 'NV-2026-0012', consultation: 'YK-2026-0003', explanation: 'GT-2026-0001' };

/** The verbs that act on each kind of coded item: a consultation's command cannot name a task's verb (tsc). */
interface VerbsOf {
  task: Extract<Verb, `task.${string}` | `ext.${string}`>;
  consultation: Extract<Verb, `consult.${string}`>;
  explanation: Extract<Verb, `explain.${string}`>;
}

type Target = {
  [K in CodedKind]: {
    kind: K;
    verb: VerbsOf[K];
    /** The action's argument for the item (default: the item's id). Undefined when the item has nothing to act on. */
    argOf?(stores: AppStores, itemId: number): Promise<string | number | undefined>;
    /** The item behind an action's argument (default: the argument is the item's id). */
    itemOf?(stores: AppStores, arg: string): Promise<number | undefined>;
  };
}[CodedKind];

/** Whom a command serves, for /trogiup: the assignee of a task, whoever gives or oversees tasks, consultations, demands. */
export type ItemCommandGroup = 'task' | 'assigner' | 'consultation' | 'explanation';

interface ItemCommand {
  /** [Vietnamese, English]. */
  words: readonly [string, string];
  group: ItemCommandGroup;
  targets: readonly [Target, ...Target[]];
  /** The ordinary command the word also is (COMMANDS): typed without a code, that command runs instead. */
  alone?: CommandName;
}

const pendingExtensionId = (stores: AppStores, taskId: number) => stores.tasks.pendingExtensionId(taskId);
const taskOfExtension = async (stores: AppStores, arg: string) => {
  const id = /^\d{1,9}$/.test(arg) ? Number(arg) : undefined;
  return id === undefined ? undefined : stores.tasks.taskOfExtension(id);
};

const task = (verb: VerbsOf['task']): Target => ({ kind: 'task', verb });
const consult = (verb: VerbsOf['consultation']): Target => ({ kind: 'consultation', verb });

/** The table: one line per command word. Adding a command for a new verb is one line here. */
export const ITEM_COMMANDS: readonly ItemCommand[] = [
  { words: ['nhan', 'accept'], group: 'task', targets: [task('task.accept')] },
  { words: ['giahan', 'extend'], group: 'task', targets: [task('task.extend')] },
  { words: ['tuchoi', 'decline'], group: 'task', targets: [task('task.decline')] },
  { words: ['baocao', 'report'], group: 'task', targets: [task('task.report')], alone: 'report' },
  { words: ['xong', 'done'], group: 'task', targets: [task('task.complete')] },
  { words: ['xem', 'view'], group: 'task', targets: [task('task.view'), consult('consult.view'), { kind: 'explanation', verb: 'explain.view' }] },
  { words: ['xacnhan', 'confirm'], group: 'assigner', targets: [task('task.confirm')] },
  { words: ['tralai', 'reopen'], group: 'assigner', targets: [task('task.reopen')] },
  { words: ['huyviec', 'canceltask'], group: 'assigner', targets: [task('task.cancel')] },
  { words: ['giaolai', 'reassign'], group: 'assigner', targets: [task('task.reassign')] },
  { words: ['giunguyen', 'insist'], group: 'assigner', targets: [task('task.insist')] },
  { words: ['nhaclai', 'nudge'], group: 'assigner', targets: [task('task.nudge'), consult('consult.nudge')] },
  {
    words: ['duyetgiahan', 'approveext'],
    group: 'assigner',
    targets: [{ kind: 'task', verb: 'ext.approve', argOf: pendingExtensionId, itemOf: taskOfExtension }],
  },
  {
    words: ['khonggiahan', 'refuseext'],
    group: 'assigner',
    targets: [{ kind: 'task', verb: 'ext.refuse', argOf: pendingExtensionId, itemOf: taskOfExtension }],
  },
  { words: ['dongy', 'agree'], group: 'consultation', targets: [consult('consult.agree')] },
  { words: ['khongdongy', 'disagree'], group: 'consultation', targets: [consult('consult.disagree')] },
  { words: ['bosung', 'amend'], group: 'consultation', targets: [consult('consult.amend')] },
  { words: ['hoilai', 'clarify'], group: 'consultation', targets: [consult('consult.clarify')] },
  { words: ['ketluan', 'decide'], group: 'consultation', targets: [consult('consult.close')] },
  { words: ['vongmoi', 'newround'], group: 'consultation', targets: [consult('consult.round')] },
  { words: ['ycgiaitrinh', 'demand'], group: 'assigner', targets: [task('task.explain'), consult('consult.explain')] },
  { words: ['giaitrinh', 'explain'], group: 'explanation', targets: [{ kind: 'explanation', verb: 'explain.answer' }] },
];

/** The commands of a group as typed in `locale`: ["/nhan", "/giahan", …]. */
export function itemCommandWords(group: ItemCommandGroup, locale: Locale): string[] {
  return ITEM_COMMANDS.filter((c) => c.group === group).map((c) => `/${c.words[locale === 'en' ? 1 : 0]}`);
}

const BY_WORD = new Map<string, ItemCommand>();
for (const c of ITEM_COMMANDS) for (const w of c.words) BY_WORD.set(w, c);
const BY_VERB = new Map<Verb, { command: ItemCommand; target: Target }>();
for (const c of ITEM_COMMANDS) for (const target of c.targets) if (!BY_VERB.has(target.verb)) BY_VERB.set(target.verb, { command: c, target });

/** Is this word an item command (it may also be an ordinary command: `/baocao` alone starts the report flow)? */
export function isItemCommandWord(word: string): boolean {
  return BY_WORD.has(word.toLowerCase());
}

export type ItemCommandResolution =
  /** The action to run, and any text typed after the code (the answer to the first question the action asks). */
  | { ok: true; action: string; rest: string }
  | { ok: false; error: 'item-command-usage' | 'item-command-unknown' | 'item-command-nothing'; args: Record<string, string> };

/**
 * `/word CODE [text]` → the action it stands for, or why not. Undefined when `word` is no item command, or when it
 * is also an ordinary command and no code follows (`/baocao` alone is the report flow).
 */
export async function resolveItemCommand(stores: AppStores, word: string, args: string, locale: Locale): Promise<ItemCommandResolution | undefined> {
  const command = BY_WORD.get(word.toLowerCase());
  if (!command) return undefined;
  const shown = `/${command.words[locale === 'en' ? 1 : 0]}`;
  const trimmed = args.trim();
  const first = trimmed.split(/\s+/, 1)[0] ?? '';
  const rest = trimmed.slice(first.length).trim();
  const parsed = parseItemCode(first);
  const usage = { command: shown, example: EXAMPLE[command.targets[0].kind] };
  if (!parsed) return command.alone ? undefined : { ok: false, error: 'item-command-usage', args: usage };
  const kind = KIND_BY_PREFIX[parsed.prefix];
  const target = command.targets.find((t) => t.kind === kind);
  if (!target) return { ok: false, error: 'item-command-usage', args: usage };
  const code = `${parsed.prefix}-${parsed.year}-${String(parsed.seq).padStart(4, '0')}`;
  const id = await stores.items.idByCode(kind, code);
  if (id === undefined) return { ok: false, error: 'item-command-unknown', args: { code } };
  const arg = target.argOf ? await target.argOf(stores, id) : id;
  if (arg === undefined) return { ok: false, error: 'item-command-nothing', args: { code, command: shown } };
  return { ok: true, action: encodeAction(target.verb, arg), rest };
}

/**
 * The command that does what `action` does, to print beside a numbered choice: `/nhan NV-2026-0012`. Undefined for
 * actions that have no item code (dialog choices, paging, signals).
 */
export async function commandForAction(stores: AppStores, action: string, locale: Locale): Promise<string | undefined> {
  const decoded = decodeAction(action);
  if (!decoded) return undefined;
  const entry = BY_VERB.get(decoded.verb);
  if (!entry) return undefined;
  const itemId = entry.target.itemOf ? await entry.target.itemOf(stores, decoded.arg) : idArg(decoded);
  if (itemId === undefined) return undefined;
  const code = await stores.items.codeById(entry.target.kind, itemId);
  return code ? `/${entry.command.words[locale === 'en' ? 1 : 0]} ${code}` : undefined;
}
