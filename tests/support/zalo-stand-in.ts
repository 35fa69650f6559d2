// The tests' Zalo Bot Platform is the built-in one of the sandbox (src/sandbox/platforms/zalo-bot.ts): one
// implementation for tests, benchmarks and the sandbox.
import { startZaloBotPlatform, ZaloBotPlatform, type ZaloBotPlatformOptions } from '../../src/sandbox/platforms/zalo-bot.js';

export * from '../../src/sandbox/platforms/zalo-bot.js';
export { ZaloBotPlatform as ZaloStandIn, type ZaloBotPlatformOptions as ZaloStandInOptions };

export function createZaloStandIn(options: ZaloBotPlatformOptions = {}): Promise<ZaloBotPlatform> {
  return startZaloBotPlatform(options);
}
