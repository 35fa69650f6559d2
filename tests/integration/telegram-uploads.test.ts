// A file on this server sent to many Telegram chats (a district-wide quán triệt notice, an XLSX) is uploaded once:
// the next chats get the file_id Telegram answered with (src/channels/telegram/uploaded-files.ts). Against the
// Telegram stand-in, which records each multipart upload and refuses a file_id it never gave out, as Telegram does.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/app/ports/channel.js';
import { createTelegramSender } from '../../src/channels/telegram/sender.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';

const TOKEN = '7000000004:AAuploads-token-for-the-stand-in-01';
const CTX = { locale: 'vi' } as const;

describe('a local file sent to many Telegram chats', () => {
  let tg: TelegramStandIn;
  let dir: string;
  beforeAll(async () => {
    tg = await createTelegramStandIn({ token: TOKEN });
    dir = await mkdtemp(path.join(tmpdir(), 'dd-uploads-'));
  });
  afterAll(async () => {
    await tg?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const notice = (file: string): OutboundMessage => ({
    text: 'Thông báo quán triệt Kế hoạch 56-KH/HU',
    attachment: {
      type: 'document',
      source: { kind: 'local-file', path: file, filename: 'Kế hoạch 56.pdf', mime: 'application/pdf' },
      caption: 'Kế hoạch 56.pdf',
    },
  });
  const documentsTo = (chats: number[]) => tg.callsTo('sendDocument').filter((c) => chats.includes(Number(c.params.chat_id)));
  /** The stand-in records an uploaded part as its name and size; a file_id or URL is sent as itself, a string. */
  const uploaded = (c: { params: Record<string, unknown> }) => typeof c.params.document === 'object' && c.params.document !== null;
  const bytesOf = async (c: { outcome: unknown }) => {
    const id = (c.outcome as { result: { document: { file_id: string } } }).result.document.file_id;
    return tg.file(id)?.bytes;
  };

  it('uploads it once and sends the file_id Telegram answered to the other chats, each getting the same bytes', async () => {
    const file = path.join(dir, 'ke-hoach-56.pdf');
    const bytes = Buffer.from(`%PDF-1.4\n${'Kế hoạch 56 '.repeat(2000)}\n%%EOF`);
    await writeFile(file, bytes);
    const sender = createTelegramSender(new Api(TOKEN, { apiRoot: tg.url }));
    const chats = [2001, 2002, 2003, 2004];
    for (const chat of chats) await sender.send(String(chat), notice(file), CTX);
    const sent = documentsTo(chats);
    expect(sent.map((c) => [Number(c.params.chat_id), c.outcome.ok, uploaded(c)])).toEqual([
      [2001, true, true],
      [2002, true, false],
      [2003, true, false],
      [2004, true, false],
    ]);
    for (const c of sent) expect(await bytesOf(c)).toEqual(bytes);
  });

  it('uploads again when the file was rewritten, and when Telegram no longer knows the file_id', async () => {
    const file = path.join(dir, 'bao-cao.xlsx');
    await writeFile(file, 'phiên bản 1');
    const api = new Api(TOKEN, { apiRoot: tg.url });
    const sender = createTelegramSender(api);
    await sender.send('3001', notice(file), CTX);
    // Rewritten in place (another size): a new upload, then its own file_id.
    await writeFile(file, 'phiên bản 2 — đã sửa');
    await sender.send('3002', notice(file), CTX);
    await sender.send('3003', notice(file), CTX);
    expect(documentsTo([3001, 3002, 3003]).map(uploaded)).toEqual([true, true, false]);
    expect((await bytesOf(documentsTo([3003])[0]!))?.toString()).toBe('phiên bản 2 — đã sửa');

    // Telegram forgot the file (here: the same bot moved to a fresh stand-in that never saw it): the remembered
    // file_id is refused once, the file uploaded again, and the new id used after that.
    const fresh = await createTelegramStandIn({ token: TOKEN });
    try {
      let root = tg.url;
      const sender2 = createTelegramSender(new Api(TOKEN, { apiRoot: tg.url, buildUrl: (_root, token, method) => `${root}/bot${token}/${method}` }));
      await sender2.send('4001', notice(file), CTX);
      expect(documentsTo([4001]).map(uploaded)).toEqual([true]);
      root = fresh.url;
      await sender2.send('4002', notice(file), CTX);
      await sender2.send('4003', notice(file), CTX);
      const calls = fresh.callsTo('sendDocument');
      expect(calls.map((c) => [Number(c.params.chat_id), c.outcome.ok, uploaded(c)])).toEqual([
        [4002, false, false],
        [4002, true, true],
        [4003, true, false],
      ]);
      expect(fresh.messagesTo(4002)).toEqual(['Thông báo quán triệt Kế hoạch 56-KH/HU', 'Kế hoạch 56.pdf']);
    } finally {
      await fresh.close();
    }
  });
});
