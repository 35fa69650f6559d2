// The tests' Telegram is the built-in platform of the sandbox (src/sandbox/platforms/telegram.ts): one
// implementation for tests, benchmarks and the sandbox. Tests start it without Telegram's rate limits unless they
// turn them on (`enforceLimits`), so that a test's burst of replies is not what it measures.
import { startTelegramPlatform, TelegramPlatform, type TelegramPlatformOptions } from '../../src/sandbox/platforms/telegram.js';

export * from '../../src/sandbox/platforms/telegram.js';
export { TelegramPlatform as TelegramStandIn, type TelegramPlatformOptions as TelegramStandInOptions };

export function createTelegramStandIn(options: TelegramPlatformOptions = {}): Promise<TelegramPlatform> {
  return startTelegramPlatform({ limits: null, ...options });
}
