// Everything the bot sends on the OA goes through here, replies and notifications alike. A message's actions become
// `oa.query.hide` buttons (buttons.ts) when they fit; when they cannot (more than 5, payloads or titles that do not
// fit) the message carries numbered replies instead, saved as the chat's prompt as on the Zalo Bot Platform. Text is
// split at line breaks under the OA's 2,000 characters, the buttons riding on the last part. Files go as links.
import type { ChannelServices } from '../../app/ports/channel-services.js';
import type { Locale } from '../../domain/locale.js';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { numberActions, splitWithChoices } from '../numbered.js';
import { inTurn, splitText, type TakeTurn } from '../../app/ports/sender.js';
import type { OutboundAttachment, OutboundMessage } from '../../app/ports/channel.js';
import { planOaButtons } from './buttons.js';
import type { ZaloOaClient } from './client.js';
import { OA_TEXT_LIMIT, type OaButton } from './types.js';

export type OaPart = { kind: 'text'; text: string; buttons?: OaButton[] } | { kind: 'image'; url: string; caption?: string };

export interface RenderedForOa {
  parts: OaPart[];
  /** The actions behind the numbers 1, 2, … (messages whose actions could not be buttons). */
  numbered: string[];
  /** Some message offered a choice: the chat's prompt is replaced (by an empty one when the choices are buttons). */
  offersChoices: boolean;
}

export interface ZaloOaOutputOptions {
  client: ZaloOaClient;
  /** Item commands, file links and prompts (src/app/channel-services.ts). */
  services: ChannelServices;
  catalogue: Catalogue;
  /** Waits for the chat's turn on the shared pacer before each call. */
  pace?: (chatId: string) => Promise<void>;
}

export interface OaDeliverContext {
  locale: Locale;
  identityId?: number | undefined;
  /** The caller already waited for this chat's turn for the first call (the delivery worker does). */
  paced?: boolean;
  /** The delivery worker's turn for each call (the first is already taken); without it, `pace` of the options. */
  turn?: TakeTurn | undefined;
  /** Counts the messages sent; a retry passing the same object starts after them (a reply retried by inbound.ts). */
  progress?: { sent: number };
  /** Called after each message Zalo accepted (the window's record: every message counts towards the 8). */
  onSent?: () => Promise<void>;
}

export class ZaloOaOutput {
  constructor(private readonly o: ZaloOaOutputOptions) {}

  get client(): ZaloOaClient {
    return this.o.client;
  }

  async render(messages: OutboundMessage[], locale: Locale): Promise<RenderedForOa> {
    const { services, catalogue } = this.o;
    const t = catalogue.translator(locale);
    const parts: OaPart[] = [];
    const numbered: string[] = [];
    let offersChoices = false;
    for (const whole of messages) {
      // A wave composed in parts (its actions do not fit 5 buttons: src/app/delivery/compose.ts) goes as those parts,
      // each with its own items' choices, numbered across the wave; so does any message whose actions are no buttons.
      const plan = planOaButtons(whole.buttons);
      for (const message of whole.parts ?? [whole]) {
        const attachment = message.attachment ? await this.renderAttachment(message.attachment, locale) : undefined;
        const body = [message.text, ...(attachment?.lines ?? [])].filter((s) => s.trim() !== '').join('\n');
        if (plan.kind === 'numbered' || whole.parts) {
          const block = await numberActions(t, message.buttons, numbered.length + 1, (a) => services.commandFor(a, locale));
          numbered.push(...block.actions);
          offersChoices ||= block.offersChoices;
          for (const piece of splitWithChoices(body, block.lines.join('\n'), OA_TEXT_LIMIT)) parts.push({ kind: 'text', text: piece });
        } else {
          const pieces = body.trim() === '' ? [] : splitText(body, OA_TEXT_LIMIT);
          if (plan.kind === 'buttons') {
            offersChoices = true;
            // Buttons need a text to hang on: a message of buttons alone gets a one-line prompt.
            if (pieces.length === 0) pieces.push(t('numbered-intro'));
          }
          pieces.forEach((piece, i) => {
            const last = i === pieces.length - 1;
            parts.push(last && plan.kind === 'buttons' ? { kind: 'text', text: piece, buttons: plan.buttons } : { kind: 'text', text: piece });
          });
        }
        if (attachment?.image) parts.push(attachment.image);
      }
    }
    return { parts, numbered, offersChoices };
  }

  private async renderAttachment(a: OutboundAttachment, locale: Locale): Promise<{ lines: string[]; image?: OaPart }> {
    const t = this.o.catalogue.translator(locale);
    const caption = a.caption?.trim() ? prefixWithinUnits(a.caption.trim(), OA_TEXT_LIMIT) : undefined;
    const source = a.source;
    if (source.kind === 'channel-file') {
      // Pictures received on Zalo (either kind) are URLs Zalo can fetch again.
      if (a.type === 'photo' && (source.channel === 'ZALO' || source.channel === 'ZALO_OA') && /^https?:\/\//.test(source.fileRef)) {
        return { lines: [], image: { kind: 'image', url: source.fileRef, ...(caption ? { caption } : {}) } };
      }
      // A file sent on Zalo comes with a download address of Zalo's own: pass it on as a link.
      if ((source.channel === 'ZALO' || source.channel === 'ZALO_OA') && /^https?:\/\//.test(source.fileRef)) {
        return { lines: [...(caption ? [caption] : []), t('file-zalo-link', { url: source.fileRef })] };
      }
      return { lines: [...(caption ? [caption] : []), t('file-on-other-channel', { channel: t(`channel-name-${source.channel}`), kind: a.type })] };
    }
    const link = await this.o.services.fileLink(source, locale);
    if (!link) return { lines: [...(caption ? [caption] : []), t('file-link-unavailable', { filename: source.filename })] };
    const { url, until } = link;
    // A picture goes as a picture Zalo fetches from the link (as on the Bot Platform); other files as the link.
    if (a.type === 'photo') return { lines: [], image: { kind: 'image', url, ...(caption ? { caption } : {}) } };
    return { lines: [...(caption ? [caption] : []), t('file-link', { filename: source.filename, url, until })] };
  }

  /**
   * Sends the messages to one OA user, in order, and replaces the chat's prompt when they offer choices (once the first
   * part is out, so its numbers work while later parts wait for their turn). Throws the ZaloOaError of the first call
   * that failed (the parts before it were sent). Resolves with the last message id and how many messages went.
   */
  async deliver(chatId: string, messages: OutboundMessage[], ctx: OaDeliverContext): Promise<{ messageId: string; sent: number }> {
    const rendered = await this.render(messages, ctx.locale);
    const pace = this.o.pace;
    let last = '';
    const from = ctx.progress?.sent ?? 0;
    for (const [i, part] of rendered.parts.entries()) {
      if (i < from) continue;
      // Each part is a message to Zalo: each takes its own turn in the chat (the delivery worker's, else the pacer's).
      const turn: TakeTurn | undefined =
        ctx.turn ??
        (pace && (i > from || !ctx.paced)
          ? async () => {
              await pace(chatId);
              return async () => {};
            }
          : undefined);
      const sent = await inTurn(turn, () =>
        part.kind === 'text'
          ? this.o.client.sendText({ userId: chatId, text: part.text, ...(part.buttons ? { buttons: part.buttons } : {}) })
          : this.o.client.sendImage({ userId: chatId, url: part.url, ...(part.caption ? { caption: part.caption } : {}) }),
      );
      last = sent.messageId;
      if (ctx.progress) ctx.progress.sent = i + 1;
      await ctx.onSent?.();
      if (i === from && rendered.offersChoices) await this.o.services.savePrompt('ZALO_OA', chatId, ctx.identityId, rendered.numbered);
    }
    return { messageId: last, sent: rendered.parts.length };
  }
}
