/**
 * A per-address token bucket: `perMinute` requests in a burst, refilled
 * evenly over the minute. Memory stays bounded: buckets that have refilled
 * completely carry no information and are dropped.
 */

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the next request would be allowed (when refused). */
  retryAfter: number;
}

const MAX_TRACKED = 100_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {
    this.perMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  /** Takes one token for `address`. */
  take(address: string): RateDecision {
    const at = this.now();
    this.sweep(at);
    const bucket = this.buckets.get(address) ?? { tokens: this.perMinute, at };
    const tokens = Math.min(
      this.perMinute,
      bucket.tokens + Math.max(0, at - bucket.at) * this.perMs,
    );
    if (tokens >= 1) {
      this.buckets.set(address, { tokens: tokens - 1, at });
      return { allowed: true, retryAfter: 0 };
    }
    this.buckets.set(address, { tokens, at });
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private sweep(at: number): void {
    if (at - this.lastSweep < 60_000 && this.buckets.size < MAX_TRACKED) return;
    this.lastSweep = at;
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * this.perMs >= this.perMinute)
        this.buckets.delete(address);
    }
    // Still too many (a flood of distinct addresses): forget the oldest; they only regain tokens early.
    for (const address of this.buckets.keys()) {
      if (this.buckets.size < MAX_TRACKED) break;
      this.buckets.delete(address);
    }
  }
}
