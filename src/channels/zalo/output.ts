// Everything the bot sends on Zalo goes through here, replies and notifications alike: actions become numbered
// replies (saved as the chat's prompt), text is split at 2,000 characters, files become links or notes, and every
// message sent is counted against the monthly cap.
import type { Logger } from 'pino';
import type { ChannelServices } from '../../app/ports/channel-services.js';
import type { Locale } from '../../domain/locale.js';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { numberActions, splitWithChoices } from '../numbered.js';
import { inTurn, type TakeTurn } from '../../app/ports/sender.js';
import type { OutboundAttachment, OutboundMessage } from '../../app/ports/channel.js';
import type { ZaloClient } from './client.js';
import { ZaloApiError } from './errors.js';
import { ZALO_TEXT_LIMIT } from './types.js';

export type ZaloPart = { kind: 'text'; text: string } | { kind: 'photo'; url: string; caption?: string };

export interface RenderedForZalo {
  parts: ZaloPart[];
  /** The actions behind the numbers 1, 2, … across all the messages. */
  actions: string[];
  /** Some message offered a choice: the chat's numbered prompt is replaced (by an empty one for a bare dialog question). */
  offersChoices: boolean;
}

export interface ZaloOutputOptions {
  client: ZaloClient;
  /** Prompts, commands, file links and the monthly count, from the application. */
  services: ChannelServices;
  catalogue: Catalogue;
  logger: Logger;
  /**
   * The chat's turn on the shared pacer, taken before each call of a reply; the result is called once Zalo answered
   * (the turn counts from then).
   */
  pace?: (chatId: string) => Promise<() => Promise<void>>;
}

export interface DeliverContext {
  locale: Locale;
  /** The linked identity behind the chat; looked up by chat id when not given. */
  identityId?: number | undefined;
  /** The caller's turn for each call (the delivery worker's pacer); without it, `pace` of the options. */
  turn?: TakeTurn;
}

/** The text and its numbered choices within Zalo's limit (src/channels/numbered.ts, shared with the OA). */
export const withChoices = (body: string, choices: string, limit = ZALO_TEXT_LIMIT): string[] => splitWithChoices(body, choices, limit);

export class ZaloOutput {
  constructor(private readonly o: ZaloOutputOptions) {}

  get client(): ZaloClient {
    return this.o.client;
  }

  /** The messages as Zalo will show them, in order. Creates the download links of local files. */
  async render(messages: OutboundMessage[], locale: Locale): Promise<RenderedForZalo> {
    const t = this.o.catalogue.translator(locale);
    const parts: ZaloPart[] = [];
    const actions: string[] = [];
    let offersChoices = false;
    // A wave composed in parts goes as those parts, numbered across all of them.
    for (const message of messages.flatMap((m) => m.parts ?? [m])) {
      const attachment = message.attachment ? await this.renderAttachment(message.attachment, locale) : undefined;
      const block = await numberActions(t, message.buttons, actions.length + 1, (a) => this.o.services.commandFor(a, locale));
      actions.push(...block.actions);
      offersChoices ||= block.offersChoices;
      const sections = [message.text, ...(attachment?.lines ?? [])].filter((s) => s.trim() !== '');
      for (const piece of withChoices(sections.join('\n'), block.lines.join('\n'))) parts.push({ kind: 'text', text: piece });
      if (attachment?.photo) parts.push(attachment.photo);
    }
    return { parts, actions, offersChoices };
  }

  private async renderAttachment(a: OutboundAttachment, locale: Locale): Promise<{ lines: string[]; photo?: ZaloPart }> {
    const t = this.o.catalogue.translator(locale);
    const caption = a.caption?.trim() ? prefixWithinUnits(a.caption.trim(), ZALO_TEXT_LIMIT) : undefined;
    const source = a.source;
    if (source.kind === 'channel-file') {
      // A picture received on Zalo is a URL Zalo can fetch again.
      if (source.channel === 'ZALO') return { lines: [], photo: { kind: 'photo', url: source.fileRef, ...(caption ? { caption } : {}) } };
      // A Telegram file id opens only with our Telegram token; we do not turn evidence into a public URL (README).
      return { lines: [...(caption ? [caption] : []), t('file-on-other-channel', { channel: t(`channel-name-${source.channel}`), kind: a.type })] };
    }
    const link = await this.o.services.fileLink(source, locale);
    if (!link) return { lines: [...(caption ? [caption] : []), t('file-link-unavailable', { filename: source.filename })] };
    const { url, until } = link;
    if (a.type === 'photo') return { lines: [], photo: { kind: 'photo', url, ...(caption ? { caption } : {}) } };
    return { lines: [...(caption ? [caption] : []), t('file-link', { filename: source.filename, url, until })] };
  }

  /**
   * Sends the messages to one chat and replaces its numbered prompt when they offer choices. Throws the
   * {@link ZaloApiError} of the first call that failed (the parts before it were sent). Resolves with the last id.
   */
  async deliver(chatId: string, messages: OutboundMessage[], ctx: DeliverContext): Promise<string> {
    const rendered = await this.render(messages, ctx.locale);
    const pace = this.o.pace;
    const turn = ctx.turn ?? (pace ? () => pace(chatId) : undefined);
    let last = '';
    for (const [i, part] of rendered.parts.entries()) {
      // Each part is a message to Zalo too: each takes its own turn in the chat.
      last = await inTurn(turn, () => this.sendPart(chatId, part));
      // Once the first part is out, its numbers work, while the later parts wait for their turn on the pacer; the
      // prompt holds the whole wave's numbers, so each part's stay valid until the prompt expires.
      if (i === 0 && rendered.offersChoices) await this.o.services.savePrompt('ZALO', chatId, ctx.identityId, rendered.actions);
    }
    if (rendered.parts.length === 0 && rendered.offersChoices) await this.o.services.savePrompt('ZALO', chatId, ctx.identityId, rendered.actions);
    return last;
  }

  private async sendPart(chatId: string, part: ZaloPart): Promise<string> {
    let id: string;
    try {
      const sent =
        part.kind === 'text'
          ? await this.o.client.sendMessage({ chatId, text: part.text })
          : await this.o.client.sendPhoto({ chatId, photoUrl: part.url, ...(part.caption ? { caption: part.caption } : {}) });
      id = sent.message_id;
    } catch (e) {
      // A 2xx we could not read: the message was most likely sent, and sending it again would show it twice.
      if (!(e instanceof ZaloApiError && e.kind === 'invalid-response')) throw e;
      this.o.logger.warn({ err: e.message }, 'zalo answered a send with something unreadable; counted as sent');
      id = '';
    }
    await this.o.services.countSent('ZALO', 1).catch((err) => this.o.logger.warn({ err }, 'could not count a zalo message'));
    return id;
  }
}
