/**
 * Calls sent on the host socket and not yet answered, by number. A socket that closes takes its answers with it:
 * every waiting call then settles with what the caller passes (an OFFLINE Result), as a fetch to a vanished host
 * would; whether the host committed is unknown to the caller either way.
 */
export class PendingCalls {
  private next = 0;
  private readonly waiting = new Map<number, (answer: unknown) => void>();

  open(): { call: number; answer: Promise<unknown> } {
    const call = this.next;
    this.next += 1;
    const answer = new Promise<unknown>((resolve) => this.waiting.set(call, resolve));
    return { call, answer };
  }

  /** Answers for numbers never sent (or already settled) are dropped: they cannot be matched to a caller. */
  settle(call: unknown, answer: unknown): void {
    if (typeof call !== 'number') return;
    const resolve = this.waiting.get(call);
    if (!resolve) return;
    this.waiting.delete(call);
    resolve(answer);
  }

  settleAll(answer: unknown): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of waiting) resolve(answer);
  }

  get size(): number {
    return this.waiting.size;
  }
}
