// A token bucket per key: `take` spends one token, tokens come back at a steady rate up to the
// burst size. Used per socket (messages) and per address (wrong join codes).
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
}

/** One bucket per key (an address), forgotten once full again so the map does not grow for ever. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly options: BucketOptions) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = new TokenBucket(this.options);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    return this.buckets.get(key)?.retryAfterSeconds() ?? 0;
  }
}
