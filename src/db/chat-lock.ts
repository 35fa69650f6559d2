// The ChatLock port (src/app/ports/chat-lock.ts) as a PostgreSQL advisory lock per chat, held on a connection of its
// own for the handling of one update. PostgreSQL rather than a Redis lock: it needs no expiry to guess (a handling
// that takes long keeps its lock) and a process that dies loses its locks with its connection, at once.
// The two-key form (namespace, hashtext(chat)) never meets the one-key locks other code takes; two chats whose
// hashes collide only wait for each other.
import pg from 'pg';
import type { Logger } from 'pino';
import type { ChatLock } from '../app/ports/chat-lock.js';

/** 'dndc' as a 32-bit integer: our namespace among two-key advisory locks. */
export const CHAT_LOCK_NAMESPACE = 0x646e6463;

export interface ChatLockOptions {
  /** Connections for locks: at most this many chats are handled at once by this process (the others wait). */
  poolSize: number;
  /** A lock not granted within this is an error (the platform sends the update again later). */
  waitMs?: number;
  logger?: Logger;
}

/** One pool of lock connections for every organisation of the process (README "A province"). */
export interface SharedChatLock extends ChatLock {
  /**
   * The same pool, for one organisation's chats: key `<org>:<channel>:<chat>`. 'default' keeps `<channel>:<chat>`, so
   * processes of the previous release and this one agree on a chat's lock while a deployment is upgraded in place.
   * Its close() does nothing: the pool is closed once, by whoever created it.
   */
  forOrganisation(orgId: string): ChatLock;
}

export function createChatLock(databaseUrl: string, options: ChatLockOptions): SharedChatLock {
  const waitMs = options.waitMs ?? 60_000;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize,
    options: `-c lock_timeout=${waitMs} -c application_name=dondoc-chat-lock`,
  });
  pool.on('error', (err) => options.logger?.warn({ err: err.message }, 'chat lock connection lost'));
  // Within this process one chat's calls queue here, so it holds one connection per chat at most.
  const local = new Map<string, Promise<unknown>>();

  async function underLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [CHAT_LOCK_NAMESPACE, key]);
      try {
        return await work();
      } finally {
        // A connection whose unlock failed may still hold the lock: it is closed, not reused (closing frees it).
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [CHAT_LOCK_NAMESPACE, key]).catch(() => (broken = true));
      }
    } finally {
      client.release(broken);
    }
  }

  function runKey<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = local.get(key) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(() => underLock(key, work));
    local.set(key, mine);
    void mine.catch(() => {}).finally(() => local.get(key) === mine && local.delete(key));
    return mine;
  }

  return {
    run: (channel, chatId, work) => runKey(`${channel}:${chatId}`, work),
    forOrganisation(orgId) {
      const prefix = orgId === 'default' ? '' : `${orgId}:`;
      return { run: (channel, chatId, work) => runKey(`${prefix}${channel}:${chatId}`, work), close: async () => {} };
    },
    async close() {
      await Promise.allSettled([...local.values()]);
      await pool.end();
    },
  };
}
