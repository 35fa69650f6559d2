// Everything the bot sends on the OA goes through here, replies and notifications alike. A message's actions become
// `oa.query.hide` buttons (buttons.ts) when they fit; when they cannot (more than 5, payloads or titles that do not
// fit) the message carries numbered replies instead, saved as the chat's prompt as on the Zalo Bot Platform. Text is
// split at line breaks under the OA's 2,000 characters, the buttons riding on the last part. Files go as links.
import type { ChannelServices } from '../../app/ports/channel-services.js';
import type { Locale } from '../../domain/locale.js';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { numberActions } from '../numbered.js';
import { splitText } from '../../app/ports/sender.js';
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
    for (const message of messages) {
      const attachment = message.attachment ? await this.renderAttachment(message.attachment, locale) : undefined;
      const plan = planOaButtons(message.buttons);
      let footer: string[] = [];
      if (plan.kind === 'numbered') {
        const block = await numberActions(t, message.buttons, numbered.length + 1, (a) => services.commandFor(a, locale));
        numbered.push(...block.actions);
        footer = block.lines;
        offersChoices ||= block.offersChoices;
      } else if (plan.kind === 'buttons') {
        offersChoices = true;
      }
      const body = [message.text, ...(attachment?.lines ?? [])].filter((s) => s.trim() !== '').join('\n');
      const text = footer.length > 0 ? `${body}\n\n${footer.join('\n')}` : body;
      const pieces = text.trim() === '' ? [] : splitText(text, OA_TEXT_LIMIT);
      // Buttons need a text to hang on: a message of buttons alone gets a one-line prompt.
      if (pieces.length === 0 && plan.kind === 'buttons') pieces.push(t('numbered-intro'));
      pieces.forEach((piece, i) => {
        const last = i === pieces.length - 1;
        parts.push(last && plan.kind === 'buttons' ? { kind: 'text', text: piece, buttons: plan.buttons } : { kind: 'text', text: piece });
      });
      if (attachment?.image) parts.push(attachment.image);
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
      return { lines: [...(caption ? [caption] : []), t('file-on-other-channel', { channel: t(`channel-name-${source.channel}`), kind: a.type })] };
    }
    const link = await this.o.services.fileLink(source, locale);
    if (!link) return { lines: [...(caption ? [caption] : []), t('file-link-unavailable', { filename: source.filename })] };
    const { url, until } = link;
    return { lines: [...(caption ? [caption] : []), t('file-link', { filename: source.filename, url, until })] };
  }

  /**
   * Sends the messages to one OA user, in order, and replaces the chat's prompt when they offer choices. Throws the
   * ZaloOaError of the first call that failed (the parts before it were sent). Resolves with the last message id.
   */
  async deliver(chatId: string, messages: OutboundMessage[], ctx: OaDeliverContext): Promise<string> {
    const rendered = await this.render(messages, ctx.locale);
    let last = '';
    for (const [i, part] of rendered.parts.entries()) {
      if (i > 0 || !ctx.paced) await this.o.pace?.(chatId);
      const sent =
        part.kind === 'text'
          ? await this.o.client.sendText({ userId: chatId, text: part.text, ...(part.buttons ? { buttons: part.buttons } : {}) })
          : await this.o.client.sendImage({ userId: chatId, url: part.url, ...(part.caption ? { caption: part.caption } : {}) });
      last = sent.messageId;
    }
    if (rendered.offersChoices) await this.o.services.savePrompt('ZALO_OA', chatId, ctx.identityId, rendered.numbered);
    return last;
  }
}
