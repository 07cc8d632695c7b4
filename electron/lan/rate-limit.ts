// A token bucket per key: `take` spends one token, tokens come back at a steady rate up to the
// burst size. Used per device token and per lobby (messages) and per address (wrong join codes),
// with a ceiling of wrong codes per minute for the whole server that grows with the open lobbies.
export interface BucketOptions {
  /** Tokens a full bucket holds (the burst). */
  capacity: number;
  /** Tokens regained per second. */
  perSecond: number;
  /** Monotonic ms; default performance.now(). */
  now?: () => number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly now: () => number;

  constructor(private readonly options: BucketOptions) {
    this.now = options.now ?? (() => performance.now());
    this.tokens = options.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.options.capacity, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
    this.last = now;
  }

  /** Spends a token; false when the bucket is empty. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds until a token is back (for Retry-After). */
  retryAfterSeconds(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.options.perSecond));
  }

  /** Whether the bucket is full again (it then remembers nothing worth keeping). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.options.capacity;
  }
}

export interface KeyedBucketOptions extends BucketOptions {
  /** Keys remembered at most (default 10,000); past it the least recently used are forgotten. */
  maxKeys?: number;
}

/**
 * One bucket per key (an address, a device token). The table is bounded: past maxKeys it first
 * forgets buckets that are full again (they hold nothing), then the least recently used, so many
 * fresh addresses cannot wipe out what is known about the ones still trying.
 */
export class KeyedBuckets {
  /** In order of last use, the least recent first. */
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly maxKeys: number;

  constructor(private readonly options: KeyedBucketOptions) {
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  private touch(key: string): TokenBucket | undefined {
    const bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  take(key: string): boolean {
    let bucket = this.touch(key);
    if (!bucket) {
      bucket = new TokenBucket(this.options);
      this.buckets.set(key, bucket);
      if (this.buckets.size > this.maxKeys) this.evict();
    }
    return bucket.take();
  }

  private evict(): void {
    // Sweep to 90% so that the sweep runs once per many new keys, not on every one.
    const target = Math.floor(this.maxKeys * 0.9);
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= target) return;
      if (bucket.full) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) return;
      this.buckets.delete(key);
    }
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    return this.touch(key)?.retryAfterSeconds() ?? 0;
  }

  has(key: string): boolean {
    return this.buckets.has(key);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}

export interface WrongCodeLimits {
  /** Per address. */
  perAddress: KeyedBucketOptions;
  /** Wrong codes per minute for the whole server, for each open lobby (at least one lobby's worth). */
  perLobbyPerMinute: number;
}

/**
 * Wrong join codes and tokens. Each address has its bucket; on top, all addresses together may
 * get only so many codes wrong per minute per open lobby, so that many addresses (cheap on IPv6)
 * cannot try a six-digit code through either. While that ceiling is reached every code is answered
 * 429, the right one included: otherwise the answer would tell the right code apart.
 */
export class WrongCodes {
  readonly addresses: KeyedBuckets;
  private tokens: number;
  private last: number;
  private readonly now: () => number;
  /** Wall-clock ms when the ceiling was last reached, for the facilitator. */
  ceilingReachedAt: number | null = null;

  constructor(private readonly limits: WrongCodeLimits, private readonly lobbies: () => number, private readonly wall: () => number = () => Date.now()) {
    this.addresses = new KeyedBuckets(limits.perAddress);
    this.now = limits.perAddress.now ?? (() => performance.now());
    this.tokens = this.capacity();
    this.last = this.now();
  }

  private capacity(): number {
    return this.limits.perLobbyPerMinute * Math.max(1, this.lobbies());
  }

  private refill(): void {
    const now = this.now();
    const capacity = this.capacity();
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 60_000) * capacity);
    this.last = now;
  }

  /** Counts a wrong code or token from `address`. */
  fail(address: string): void {
    this.addresses.take(address);
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    if (this.tokens < 1) this.ceilingReachedAt = this.wall();
  }

  /** Seconds until anyone may try a code again (the server-wide ceiling); 0 when they may now. */
  ceilingRetryAfterSeconds(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.capacity()) * 60));
  }

  /** Seconds until `address` may try again: its own bucket only (tokens are not codes). */
  addressRetryAfterSeconds(address: string): number {
    return this.addresses.retryAfterSeconds(address);
  }
}
