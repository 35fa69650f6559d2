// A person on the unit's Zalo Official Account, as tests drive them: follow, type, press buttons, read what the OA
// sent (through the OA stand-in, signed webhooks to the harness).
import type { OaButton } from '../../src/channels/zalo-oa/types.js';
import type { DeliverOptions, OaWebhookDelivery } from '../../src/sandbox/platforms/zalo-oa.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import type { Harness } from './app-harness.js';

export interface OaUser {
  id: string;
  follow(): Promise<void>;
  unfollow(): Promise<void>;
  say(text: string, options?: DeliverOptions): Promise<OaWebhookDelivery>;
  command(name: string, args?: string): Promise<void>;
  /** Sends a picture (Zalo gives the bot its URL), with an optional caption. */
  photo(url: string, caption?: string): Promise<void>;
  /** Sends a file (Zalo gives the bot a download URL and the name). */
  file(file: { url: string; name: string; size: number }): Promise<void>;
  /** Presses the newest button with this title (as Zalo does: its payload comes back as the person's text). */
  press(title: string): Promise<void>;
  texts(): string[];
  last(): string;
  since(count: number): string[];
  /** Titles of the buttons on the newest message that has some. */
  buttons(): string[];
}

export function oaUser(h: Harness, displayName: string, options: { followed?: boolean } = {}): OaUser {
  const oa = h.oa!;
  const u = oa.addUser({ displayName, followed: options.followed ?? false, interacted: false });
  const settle = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    await h.idle();
    return r;
  };
  const messages = () => oa.messagesTo(u.userId);
  return {
    id: u.userId,
    follow: () => settle(oa.follow(u.userId)).then(() => undefined),
    unfollow: () => settle(oa.unfollow(u.userId)).then(() => undefined),
    say: (text, o = {}) => settle(oa.userSendsText(u.userId, text, o)),
    command: (name, args) => settle(oa.userSendsText(u.userId, args ? `/${name} ${args}` : `/${name}`)).then(() => undefined),
    photo: (url, caption) => settle(oa.userSendsImage(u.userId, url, caption === undefined ? {} : { caption })).then(() => undefined),
    file: (file) => settle(oa.userSendsFile(u.userId, file)).then(() => undefined),
    press: (title) => settle(oa.pressButton(u.userId, title)).then(() => undefined),
    texts: () => oa.textsTo(u.userId),
    last: () => oa.textsTo(u.userId).at(-1) ?? '',
    since: (count) => oa.textsTo(u.userId).slice(count),
    buttons: () => ([...messages()].reverse().find((m) => (m.buttons?.length ?? 0) > 0)?.buttons ?? []).map((b: OaButton) => b.title),
  };
}

/** Links a person as an official would: follow the OA, then send the invite code the CLI gives. */
export async function linkOaUser(h: Harness, u: OaUser, officialCode: string): Promise<void> {
  await u.follow();
  await u.say((await issueInvite(h.app, { officialCode, now: h.timeSource.now() })).code);
}
