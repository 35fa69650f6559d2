// Actions a person can take from a message, encoded into short strings that fit Telegram's 64-byte callback_data
// and can be stored as a Zalo numbered prompt. Malformed or forged data decodes to undefined, never throws.

/** Verb → two-letter wire code. Adding a verb is one line here. */
const VERBS = {
  'task.accept': 'ta',
  'task.extend': 'te',
  'task.decline': 'td',
  'task.report': 'tp',
  'task.complete': 'tc',
  'task.view': 'tv',
  'task.confirm': 'tk',
  'task.reopen': 'to',
  'task.cancel': 'tx',
  'task.reassign': 'tr',
  'task.insist': 'ti',
  'task.nudge': 'tn',
  'task.explain': 'tq',
  'ext.approve': 'ea',
  'ext.refuse': 'er',
  'list.tasks': 'lt',
  'consult.agree': 'ca',
  'consult.disagree': 'cd',
  'consult.amend': 'cm',
  'consult.clarify': 'cq',
  'consult.view': 'cv',
  'consult.close': 'cc',
  'consult.round': 'cn',
  'consult.nudge': 'cu',
  'consult.explain': 'cx',
  'consult.reply': 'cr',
  'consult.delegate': 'cg',
  'list.consults': 'lc',
  'explain.answer': 'xa',
  'explain.view': 'xv',
  'signal.confirm': 'sc',
  'signal.dismiss': 'sd',
  'signal.explain': 'se',
  'signal.demand': 'sq',
  'signal.record': 'sr',
  'list.signals': 'ls',
  'digest.open': 'do',
  'review.start': 'ra',
  'review.done': 'rd',
  'review.keep': 'rk',
  'review.transfer': 'rt',
  'review.drop': 'rx',
  'review.agree': 'ry',
  'review.refuse': 'rn',
  'review.detail': 'rl',
  'review.xlsx': 'rf',
  'review.close': 'rc',
  'self.write': 'uw',
  'self.view': 'uv',
  'self.comment': 'uc',
  'self.xlsx': 'uf',
  'notice.confirm': 'qc',
  'notice.commit': 'qm',
  'notice.ask': 'qq',
  'notice.view': 'qv',
  'notice.new': 'qn',
  'praise.task': 'pk',
  'dialog.pick': 'dp',
  'dialog.cancel': 'dx',
  'dialog.skip': 'ds',
  'channel.choose': 'kc',
} as const;

export type Verb = keyof typeof VERBS;

const BY_CODE = new Map<string, Verb>(Object.entries(VERBS).map(([verb, code]) => [code, verb as Verb]));

/** A decoded action: the verb and its argument (an item id, a page number, or a dialog choice). */
export interface Action {
  verb: Verb;
  arg: string;
}

const ARG = /^[A-Za-z0-9_.-]{0,56}$/;

export function encodeAction(verb: Verb, arg: string | number = ''): string {
  const a = String(arg);
  if (!ARG.test(a)) throw new Error(`action argument not encodable: ${a}`);
  return a === '' ? VERBS[verb] : `${VERBS[verb]}:${a}`;
}

export function decodeAction(data: string): Action | undefined {
  if (typeof data !== 'string' || data.length > 64) return undefined;
  const i = data.indexOf(':');
  const code = i < 0 ? data : data.slice(0, i);
  const arg = i < 0 ? '' : data.slice(i + 1);
  const verb = BY_CODE.get(code);
  if (!verb || !ARG.test(arg)) return undefined;
  return { verb, arg };
}

/** The argument as a positive integer id, or undefined. */
export function idArg(action: Action): number | undefined {
  if (!/^\d{1,9}$/.test(action.arg)) return undefined;
  const n = Number(action.arg);
  return n > 0 ? n : undefined;
}
