// When nothing answers at REDIS_URL on this machine and redis-server is installed, run one for ourselves with its
// data under DATA_DIR; otherwise stop with a message that says what to do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describeRedis, redisAnswers, type RedisTarget } from '../../jobs/connection.js';
import { sleep } from '../sleep.js';

export class RedisUnavailableError extends Error {}

export interface RedisHandle {
  url: string;
  /** What every connection is made from: the URL, with the Sentinels when there are some. */
  target: RedisTarget;
  stop(): Promise<void>;
}

function isLocal(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function ensureRedis(target: RedisTarget | string, dataDir: string): Promise<RedisHandle> {
  if (typeof target === 'string') target = { url: target };
  const redisUrl = target.url;
  if (await redisAnswers(target)) return { url: redisUrl, target, stop: async () => {} };
  // Sentinels name a server elsewhere: never one of our own.
  if (target.sentinel) {
    const where = describeRedis(target);
    throw new RedisUnavailableError(
      `Redis does not answer: ${where}.\nKhông kết nối được Redis: ${where}. Kiểm tra REDIS_SENTINELS, REDIS_SENTINEL_NAME và mật khẩu.`,
    );
  }
  const url = new URL(redisUrl);
  if (!isLocal(url)) {
    throw new RedisUnavailableError(
      `Redis does not answer at ${url.host}.\n` + `Không kết nối được Redis tại ${url.host}. Kiểm tra REDIS_URL hoặc khởi động Redis trên máy đó.`,
    );
  }
  if (!hasRedisServer()) {
    throw new RedisUnavailableError(
      'Redis is not running and redis-server is not installed. Install it (Debian/Ubuntu: sudo apt install redis-server) or set REDIS_URL to a running Redis.\n' +
        'Chưa có Redis. Cài đặt (Debian/Ubuntu: sudo apt install redis-server) hoặc đặt REDIS_URL trỏ tới một máy chủ Redis đang chạy.',
    );
  }
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = url.port || '6379';
  // Our own Redis keeps its data (AOF) so queued jobs survive a restart; noeviction as BullMQ requires.
  const child: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', port, '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(redisUrl, 300)) {
      return {
        url: redisUrl,
        target,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not start on port ${port}.`);
}
