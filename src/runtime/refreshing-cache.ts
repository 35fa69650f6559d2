// The organisation directory and the working calendar, cached per process: read on every update and every wave, and
// changed only by an import, a calendar edit or another process (hence a time to live, not only invalidation).
//
// Once loaded, an expired value is still returned at once while one reload runs behind it. The callers read it inside
// their transactions (task-clocks.ts, fire-clock.ts): a reload that made them wait needed a second connection from a
// pool their own transactions were holding, and with every connection held so, each waited for the others until
// Prisma's 20 s transaction limit failed them all (the province bench: errors every 30 s, the cache's time to live,
// once a bot process had as many updates in hand as connections). Only the first load, and the one after `drop`
// (what a write in this process asks for: its own change must be seen), is waited for.
// Ours, not lru-cache's stale-while-revalidate: two values per organisation, no keys or eviction, and one rule the
// library does not have in a line (a drop discards a reload already running, so a write's own change is never
// overwritten by a read made before it).
export interface RefreshingCache<T> {
  get(): Promise<T>;
  /** Forgets the value: the next `get` waits for a fresh load (a reload already running is discarded). */
  drop(): void;
}

export interface RefreshingCacheOptions {
  /** 0: no cache, every `get` waits for a load of its own (the test harnesses, which write behind the app's back). */
  ttlMs: number;
  /** Real time in ms (tests pass their own). */
  now?: () => number;
  /** A reload behind a value failed: the value is kept and the next `get` after the time to live tries again. */
  onRefreshError?: (e: unknown) => void;
}

export function refreshingCache<T>(load: () => Promise<T>, options: RefreshingCacheOptions): RefreshingCache<T> {
  const now = options.now ?? Date.now;
  let loaded: { value: T; at: number } | undefined;
  /** The load callers wait for: the first, or the one after drop(). */
  let waitedFor: Promise<T> | undefined;
  let refreshing = false;
  /** Bumped by drop(): a load started before it may miss what the drop was for, and is not kept. */
  let generation = 0;

  const refresh = () => {
    refreshing = true;
    const mine = generation;
    load().then(
      (value) => {
        if (mine !== generation) return;
        loaded = { value, at: now() };
        refreshing = false;
      },
      (e: unknown) => {
        if (mine !== generation) return;
        // Kept, and tried again one time to live later (not on every read meanwhile).
        if (loaded) loaded = { value: loaded.value, at: now() };
        refreshing = false;
        options.onRefreshError?.(e);
      },
    );
  };

  return {
    get() {
      if (options.ttlMs <= 0) return load();
      if (loaded) {
        if (!refreshing && now() - loaded.at > options.ttlMs) refresh();
        return Promise.resolve(loaded.value);
      }
      if (!waitedFor) {
        const mine = generation;
        waitedFor = load().then(
          (value) => {
            if (mine === generation) {
              loaded = { value, at: now() };
              waitedFor = undefined;
            }
            return value;
          },
          (e: unknown) => {
            if (mine === generation) waitedFor = undefined;
            throw e;
          },
        );
      }
      return waitedFor;
    },
    drop() {
      generation++;
      loaded = undefined;
      waitedFor = undefined;
      refreshing = false;
    },
  };
}
