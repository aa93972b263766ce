/**
 * Failed sign-ins per username + client address in a sliding window. In memory: a reference registry runs as one
 * process, and a restart forgetting the counts is harmless next to the lockout window.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(username: string, address: string): string {
    return `${username.toLowerCase()}\u0000${address}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  isBlocked(username: string, address: string): boolean {
    return this.recent(this.key(username, address)).length >= this.maxFailures;
  }

  recordFailure(username: string, address: string): void {
    const key = this.key(username, address);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(username: string, address: string): void {
    this.failures.delete(this.key(username, address));
  }
}
