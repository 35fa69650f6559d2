// Every inbound update from every channel comes through here: who is it, is it new, what do they want.
// Replies go back to the same chat; notifications to others go through the outbox inside the use cases.
import type { ChannelName, InboundEnvelope, OutboundMessage, RouterResult } from '../ports/channel.js';
import { CAPABILITIES } from '../ports/channel.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { asLocale, type Locale } from '../../domain/locale.js';
import { graphemeCount } from '../../domain/text/graphemes.js';
import { sanitizeLine, sanitizeText } from '../../domain/text/sanitize.js';
import type { AppContext } from '../context.js';
import { decodeAction, type Action } from '../actions.js';
import { DIALOG_VERBS, type ActionTable, type DialogVerb } from './action-table.js';
import { viewTools } from '../views/tools.js';
import { addressedToAnotherBot, parseCommand, type CommandName } from './commands.js';
import { resolveItemCommand } from './item-commands.js';
import { currentDialog, endDialog, persistTurn, type DialogInput, type DialogRegistry } from './dialog.js';
import { linkAccount } from './handlers/link-account.js';
import type { Session } from './session.js';
import { dynamicKey } from '../../i18n/catalogue.js';

export type { ActionTable, VerbHandler } from './action-table.js';
export type CommandHandler = (s: Session, args: string) => Promise<RouterResult>;
/** Every command but /huy (the router's own: it stops the dialog the other commands would end first) has one handler. */
export type CommandTable = Record<Exclude<CommandName, 'cancel'>, CommandHandler>;
/** Text outside any dialog (a reply without a stance to a consultation, …); undefined lets the next one try. */
export type TextHandler = (s: Session, text: string) => Promise<RouterResult | undefined>;

export interface RouterDeps {
  app: AppContext;
  dialogs: DialogRegistry;
  /** One handler per button verb (action-table.ts); the dialog verbs are the router's own. */
  actions: ActionTable;
  /** Tried in order for text no dialog took, before "I did not understand". */
  texts?: TextHandler[];
  commands: CommandTable;
}

/**
 * Claims an inbound update once: false when it was handled already (platforms retry). The router's own first step,
 * shared with the adapters' events that are no router input (an OA follow).
 */
export function claimInbound(app: AppContext, channel: ChannelName, updateKey: string): Promise<boolean> {
  return app.stores.chats.claimUpdate(channel, updateKey);
}

/** The person wrote, or turned to us (an OA follow): the chat is reachable again, their reply window opens now. */
export function touchInbound(app: AppContext, identityId: number): Promise<void> {
  return app.stores.identities.touch(identityId, app.time.now());
}

/** Longest text we accept from a chat, in characters people see: Telegram's own limit, far above any answer typed. */
export const MAX_INBOUND_TEXT = 4096;

/**
 * What a person sent, through the one sanitiser (src/domain/text/sanitize.ts) before anything reads it: the text,
 * a file's caption and name, the display name we keep. No NUL reaches PostgreSQL, no bidi override or invisible
 * character reaches a rule, a dialog's state or another person's message.
 */
export function sanitizeEnvelope(env: InboundEnvelope): InboundEnvelope {
  const displayName = sanitizeLine(env.displayName);
  const event = env.event;
  if (event.type === 'text') return { ...env, displayName, event: { type: 'text', text: sanitizeText(event.text) } };
  if (event.type === 'file') {
    const name = event.file.name === undefined ? undefined : sanitizeLine(event.file.name);
    // The file's reference (a Telegram file id, a Zalo URL) is stored with the report: no control character either.
    const file = { ...event.file, ref: sanitizeLine(event.file.ref), ...(name === undefined ? {} : { name }) };
    return { ...env, displayName, event: { type: 'file', file, ...(event.caption === undefined ? {} : { caption: sanitizeText(event.caption) }) } };
  }
  return { ...env, displayName };
}

/**
 * Hands an update's answer to the channel's sending path: sends it, or queues it in order behind what the chat still
 * has due (src/channels/telegram/replies.ts). Settles once every message is sent or queued.
 */
export type Answer = (result: RouterResult) => Promise<void>;

export interface Router {
  /**
   * Handles one update. `answer`, when given, is called with the result before `handle` settles, and behind the chat's
   * lock (src/runtime/chat-order.ts) while that lock is still held: the answer to one update of a chat is sent or queued
   * before the chat's next update is handled, on whichever bot process it lands. A wrapper passes `answer` on.
   */
  handle(envelope: InboundEnvelope, answer?: Answer): Promise<RouterResult>;
}

/** `/start CODE` (or `/start@bot CODE`): a linked account linking again. */
const RELINK = /^\/start(@\w+)?\s+\S+/i;
/** How often a chat's last inbound time is recorded when nothing else asks for it. */
const LAST_SEEN_EVERY_MS = 60_000;

const isDialogVerb = (verb: string): verb is DialogVerb => (DIALOG_VERBS as readonly string[]).includes(verb);

function reply(message: string): RouterResult {
  return { replies: [{ text: message }] };
}

export function createRouter(deps: RouterDeps): Router {
  const { app } = deps;

  function errorReply(locale: Locale, e: unknown): RouterResult {
    const t = app.catalogue.translator(locale);
    if (e instanceof DomainError) {
      const v = viewTools(app, locale);
      const args: Record<string, string | number> = {};
      for (const [k, value] of Object.entries(e.args)) args[k] = value instanceof Date ? v.dateTime(value) : value;
      if (typeof args.status === 'string') args.status = t(dynamicKey(`status-${args.status}`));
      return reply(t(dynamicKey(e.key), args));
    }
    app.logger.error({ err: e }, 'update failed');
    return reply(t('error-internal'));
  }

  async function toDialog(s: Session, input: DialogInput): Promise<RouterResult | undefined> {
    const dialog = await currentDialog(s);
    if (!dialog) return undefined;
    const flow = deps.dialogs.get(dialog.flow);
    if (!flow) {
      await endDialog(s);
      return reply(s.t('dialog-expired'));
    }
    try {
      return { replies: await persistTurn(s, await flow.step(s, dialog, input)) };
    } catch (e) {
      // A wrong answer keeps the dialog where it was: the person can answer again or /huy.
      const r = errorReply(s.locale, e);
      const first = r.replies[0];
      if (e instanceof DomainError && first) first.text = `${first.text}\n${s.t('dialog-cancel-hint')}`;
      return r;
    }
  }

  async function runAction(s: Session, data: string): Promise<RouterResult> {
    const action = decodeAction(data);
    if (!action) return reply(s.t('error-malformed-action'));
    if (isDialogVerb(action.verb)) return dialogActions[action.verb](s, action);
    // A button from a notification ends whatever flow was half done, as a new command would.
    await endDialog(s);
    return deps.actions[action.verb](s, action);
  }

  /** The buttons under a dialog's question: a choice or a skip answers it, Cancel stops it. */
  const dialogActions: Record<DialogVerb, (s: Session, action: Action) => Promise<RouterResult>> = {
    'dialog.pick': async (s, action) => (await toDialog(s, { kind: 'pick', value: action.arg })) ?? reply(s.t('dialog-expired')),
    'dialog.skip': async (s) => (await toDialog(s, { kind: 'skip' })) ?? reply(s.t('dialog-expired')),
    'dialog.cancel': async (s) => reply(s.t((await endDialog(s)) ? 'dialog-cancelled' : 'dialog-nothing')),
  };

  async function runCommand(s: Session, text: string): Promise<RouterResult> {
    const cmd = parseCommand(text)!;
    if (cmd.name === 'cancel') return reply(s.t((await endDialog(s)) ? 'dialog-cancelled' : 'dialog-nothing'));
    // `/nhan NV-2026-0012 …`: the typed form of a button, on any channel at any time (item-commands.ts).
    const item = await resolveItemCommand(app.stores, cmd.word, cmd.args, s.locale);
    if (item && !item.ok) return reply(s.t(item.error, item.args));
    if (item?.ok) {
      const first = await runAction(s, item.action);
      // Text after the code answers the action's first question (a reason, a percent): `/tuchoi NV-… lý do`.
      const then = item.rest ? await toDialog(s, { kind: 'text', text: item.rest }) : undefined;
      return then ?? first;
    }
    await endDialog(s);
    const handler = cmd.name ? deps.commands[cmd.name] : undefined;
    if (!handler) return reply(s.t('unknown-input'));
    return handler(s, cmd.args);
  }

  async function dispatch(s: Session, env: InboundEnvelope): Promise<RouterResult> {
    const event = env.event;
    if (event.type === 'action') return runAction(s, event.data);
    if (event.type === 'unsupported') return reply(s.t('unsupported-message'));
    if (event.type === 'file') return (await toDialog(s, { kind: 'file', file: event.file, caption: event.caption ?? '' })) ?? reply(s.t('unknown-input'));
    const textIn = event.text; // sanitised in handle()
    if (graphemeCount(textIn) > MAX_INBOUND_TEXT) return reply(s.t('error-text-too-long', { max: MAX_INBOUND_TEXT }));
    if (parseCommand(textIn)) return runCommand(s, textIn);
    // Channels without buttons: a number answers the last numbered prompt shown in this chat.
    if ((!s.capabilities.buttons || s.capabilities.numberedFallback) && /^\s*\d{1,2}\s*$/.test(textIn)) {
      const found = await app.stores.chats.promptAction(s.identityId, Number(textIn.trim()), app.time.now());
      if (found.found) return runAction(s, found.action);
      if (found.reason === 'expired') return reply(s.t('prompt-expired'));
      // No such choice: the number may still answer a step (a percent); else it is no free answer (a consultation
      // would record it as an answer without a stance).
      return (await toDialog(s, { kind: 'text', text: textIn })) ?? reply(s.t('prompt-number-unknown', { n: textIn.trim() }));
    }
    const viaDialog = await toDialog(s, { kind: 'text', text: textIn });
    if (viaDialog) return viaDialog;
    for (const handler of deps.texts ?? []) {
      const result = await handler(s, textIn);
      if (result) return result;
    }
    return reply(s.t('unknown-input'));
  }

  /** `claim.claimed` is set once this handling holds the update's claim (it then marks it answered, when asked). */
  async function decide(raw: InboundEnvelope, claim: { claimed: boolean }): Promise<RouterResult> {
    const env = sanitizeEnvelope(raw);
    const hintLocale = asLocale(env.languageHint?.slice(0, 2));
    const ours = env.botUsername ?? (env.channel === 'TELEGRAM' ? app.links.telegramBotUsername : undefined);
    if (env.event.type === 'text' && addressedToAnotherBot(env.event.text, ours)) return { replies: [] };
    try {
      const now = app.time.now();
      const text = env.event.type === 'text' ? env.event.text.trim() : '';
      // Linking again from a linked account (a new code for a new phone): let it through, and record nothing.
      // A linked account relinks only with an explicit /start CODE: a bare 8-letter word ("danhsach") is not a code here.
      const relinking = RELINK.test(text);
      // The person wrote: the chat is reachable. Recorded at most once a minute, to keep the hot path to reads; every
      // time where the platform's reply window counts from their last message (the OA), so a quick dialog does not
      // run the window's count of our messages out. Not for an inactive official (the store checks) nor a relink.
      const touch = relinking ? undefined : CAPABILITIES[env.channel].replyWindow ? {} : { staleBefore: new Date(now.getTime() - LAST_SEEN_EVERY_MS) };
      // The claim, who wrote, the last-seen record and their open dialog, in one round trip: the update's first step.
      const { claimed, identity, dialog } = await app.stores.identities.claimUpdateAndFind(env.channel, env.updateKey, env.externalUserId, {
        now,
        ...(touch ? { touch } : {}),
        ...(env.chatHeld ? { takeOverUnanswered: true } : {}),
      });
      if (!claimed) return { replies: [] };
      claim.claimed = true;
      if (!identity) return await linkAccount(app, env, hintLocale);
      const official = identity.official;
      const locale = asLocale(official.locale);
      const t = app.catalogue.translator(locale, CAPABILITIES[env.channel]);
      if (!official.active) return reply(t('account-inactive'));
      if (relinking) return await linkAccount(app, env, locale);
      const session: Session = {
        app,
        official,
        officialId: OfficialId(official.id),
        identityId: identity.id,
        channel: env.channel,
        chatId: env.chatId,
        capabilities: CAPABILITIES[env.channel],
        locale,
        t,
        v: viewTools(app, locale),
        dialog: { open: dialog },
      };
      try {
        return await dispatch(session, env);
      } catch (e) {
        return errorReply(locale, e);
      }
    } catch (e) {
      return errorReply(hintLocale, e);
    }
  }

  return {
    async handle(raw, answer) {
      const claim = { claimed: false };
      const result = await decide(raw, claim);
      if (answer) await answer(result);
      // Under the shared chat lock, the claim is final only now: a process killed before this line leaves it open, and
      // the platform's next delivery (to another process) is handled, not dropped (issue 18: nothing lost). A handling
      // whose answer failed leaves it open too: the repeat answers. One statement, only where the lock is (several
      // bot processes); a single process has no other handler to take over from.
      if (claim.claimed && raw.chatHeld) await app.stores.identities.markAnswered(raw.channel, raw.updateKey);
      return result;
    },
  };
}

export type { OutboundMessage };
