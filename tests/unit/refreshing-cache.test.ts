// The per-process cache of the organisation directory and the calendar (src/runtime/refreshing-cache.ts): an expired
// value is returned at once while one reload runs behind it; only the first load and the one after drop() are waited
// for. Time is the test's own; every load is a promise the test settles.
import { describe, expect, it } from 'vitest';
import { refreshingCache } from '../../src/runtime/refreshing-cache.js';

/** Loads the test answers one by one: `loads` are the ones asked for, in order. */
function loader() {
  const loads: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      loads.push({ resolve, reject });
    });
  return { load, loads };
}
const settled = () => new Promise((r) => setImmediate(r));

describe('refreshingCache', () => {
  it('waits for the first load only, shared by the callers meanwhile', async () => {
    let now = 0;
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 1000, now: () => now });
    const a = cache.get();
    const b = cache.get();
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(1);
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    now = 1000;
    expect(await cache.get()).toBe(1);
    expect(loads).toHaveLength(1);
  });

  it('once expired, answers the loaded value at once and reloads once behind it', async () => {
    let now = 0;
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 1000, now: () => now });
    const first = cache.get();
    loads[0]!.resolve(1);
    await first;
    now = 1001;
    // Answered without the reload settling: a caller inside a transaction never waits for a connection here.
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(2);
    await settled();
    expect(await cache.get()).toBe(2);
    expect(loads).toHaveLength(2);
  });

  it('keeps the value when a reload fails, says so, and tries again a time to live later', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 1000, now: () => now, onRefreshError: (e) => errors.push(e) });
    const first = cache.get();
    loads[0]!.resolve(1);
    await first;
    now = 2000;
    expect(await cache.get()).toBe(1);
    loads[1]!.reject(new Error('connection lost'));
    await settled();
    expect(errors).toHaveLength(1);
    expect(await cache.get()).toBe(1);
    expect(loads).toHaveLength(2);
    now = 3001;
    expect(await cache.get()).toBe(1);
    expect(loads).toHaveLength(3);
  });

  it('after drop(), waits for a fresh load and discards a reload started before it', async () => {
    let now = 0;
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 1000, now: () => now });
    const first = cache.get();
    loads[0]!.resolve(1);
    await first;
    now = 2000;
    await cache.get(); // a reload behind the value: loads[1]
    cache.drop();
    const fresh = cache.get(); // loads[2], waited for
    loads[1]!.resolve(99); // read before the drop: not kept
    loads[2]!.resolve(3);
    expect(await fresh).toBe(3);
    await settled();
    expect(await cache.get()).toBe(3);
  });

  it('a failed first load is not kept: the next caller loads again', async () => {
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 1000, now: () => 0 });
    const first = cache.get();
    loads[0]!.reject(new Error('down'));
    await expect(first).rejects.toThrow('down');
    const second = cache.get();
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(5);
    expect(await second).toBe(5);
  });

  it('with a time to live of 0 caches nothing: every read waits for a load of its own', async () => {
    const { load, loads } = loader();
    const cache = refreshingCache(load, { ttlMs: 0 });
    const a = cache.get();
    const b = cache.get();
    expect(loads).toHaveLength(2);
    loads[0]!.resolve(1);
    loads[1]!.resolve(2);
    expect([await a, await b]).toEqual([1, 2]);
  });
});
