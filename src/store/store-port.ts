/**
 * The key-value store the core keeps its state in (conversations, rate-limit windows, event
 * claims, the curation log). Implementations live in `adapters/store/` (memory, SQLite, Redis);
 * the core only sees this interface. Calls may reject: the core's state store (`state-store.ts`)
 * bounds them in time and absorbs failures, so a store outage makes the bot forget, never stop.
 *
 * Values are JSON: what is read back equals what was written, not the same object.
 */
export interface StorePort {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores the value for `ttlMs` milliseconds, replacing any value and TTL the key had. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Resolves true when the key existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Stores the value unless the key holds one (an expired value counts as none) and resolves true
   * when it did. Atomic across every process sharing the store: of any number of concurrent
   * calls on one key, exactly one resolves true. Event de-duplication rests on it.
   */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /**
   * Failures raised outside any call (a Redis connection dropping): the state store counts them as
   * an outage. Implementations without such failures may never call the listener.
   */
  onError(listener: (error: unknown) => void): void;
  /** Closes connections; the store is not used afterwards. */
  close(): Promise<void>;
}
