/**
 * Failed sign-ins in a sliding window, counted twice: per username + client address (someone guessing one account's
 * password) and per address over every username (one client trying many accounts). In memory: a reference registry runs
 * as one process, and a restart forgetting the counts is harmless next to the lockout window. The map is bounded: at
 * most `maxEntries` keys, the least recently failing forgotten first, so a spray of made-up usernames cannot grow it.
 */
export interface SignInLimits {
  /** failures per username + address within the window before sign-in is refused */
  maxFailures: number;
  windowMs: number;
  /** failures per address over all usernames within the window (an office behind one NAT shares it: keep it loose) */
  maxFailuresPerAddress: number;
  /** keys tracked at most */
  maxEntries: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { maxFailures: 5, windowMs: 60_000, maxFailuresPerAddress: 30, maxEntries: 10_000 };

export class SignInLimiter {
  /** key → failure times, oldest first; Map order is recency of the last failure (re-inserted on each one) */
  private readonly failures = new Map<string, number[]>();
  private readonly limits: SignInLimits;

  constructor(
    limits: Partial<SignInLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  /** Tracked keys (tests check the bound). */
  get size(): number {
    return this.failures.size;
  }

  private userKey(username: string, address: string): string {
    return `u\u0000${username.toLowerCase()}\u0000${address}`;
  }

  private addressKey(address: string): string {
    return `a\u0000${address}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const stored = this.failures.get(key);
    if (stored === undefined) return [];
    const kept = stored.filter((at) => at > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== stored.length) this.failures.set(key, kept);
    return kept;
  }

  private record(key: string, keep: number): void {
    const times = [...this.recent(key), this.now()].slice(-keep);
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.limits.maxEntries) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  isBlocked(username: string, address: string): boolean {
    return this.recent(this.userKey(username, address)).length >= this.limits.maxFailures
      || this.recent(this.addressKey(address)).length >= this.limits.maxFailuresPerAddress;
  }

  recordFailure(username: string, address: string): void {
    this.record(this.userKey(username, address), this.limits.maxFailures);
    this.record(this.addressKey(address), this.limits.maxFailuresPerAddress);
  }

  /**
   * Clears the username's count only: the address's stays, or one valid account would let a client reset its
   * budget between guesses at others.
   */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(this.userKey(username, address));
  }
}
