import { describe, expect, it } from 'vitest';
import { SignInLimiter } from './sign-in-limiter';

describe('sign-in limiter', () => {
  it('blocks one username at one address after maxFailures, and lets the window forget them', () => {
    let now = 0;
    const limiter = new SignInLimiter({ maxFailures: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i += 1) limiter.recordFailure('Alice', '10.0.0.1');
    expect(limiter.isBlocked('alice', '10.0.0.1')).toBe(true);
    expect(limiter.isBlocked('alice', '10.0.0.2')).toBe(false);
    expect(limiter.isBlocked('bob', '10.0.0.1')).toBe(false);
    now += 1001;
    expect(limiter.isBlocked('alice', '10.0.0.1')).toBe(false);
  });

  it('blocks an address that tries many usernames, and a success does not reset the address', () => {
    const limiter = new SignInLimiter({ maxFailures: 5, maxFailuresPerAddress: 4, windowMs: 60_000 }, () => 0);
    for (const name of ['a', 'b', 'c']) limiter.recordFailure(name, '10.0.0.9');
    limiter.recordSuccess('mine', '10.0.0.9');
    expect(limiter.isBlocked('d', '10.0.0.9')).toBe(false);
    limiter.recordFailure('d', '10.0.0.9');
    expect(limiter.isBlocked('anyone', '10.0.0.9')).toBe(true);
    expect(limiter.isBlocked('anyone', '10.0.0.10')).toBe(false);
  });

  it('keeps at most maxEntries keys, forgetting the least recently failing first', () => {
    let now = 0;
    const limiter = new SignInLimiter({ maxFailures: 2, maxFailuresPerAddress: 1000, maxEntries: 50, windowMs: 60_000 }, () => now);
    limiter.recordFailure('victim', '10.0.0.1');
    limiter.recordFailure('victim', '10.0.0.1');
    for (let i = 0; i < 10_000; i += 1) {
      now += 1;
      limiter.recordFailure(`sprayed-${i}`, `192.168.${i >> 8}.${i & 255}`);
      expect(limiter.size).toBeLessThanOrEqual(50);
    }
    // the oldest keys went first; the newest are still counted
    expect(limiter.isBlocked('victim', '10.0.0.1')).toBe(false);
    limiter.recordFailure('sprayed-9999', '192.168.39.15');
    expect(limiter.isBlocked('sprayed-9999', '192.168.39.15')).toBe(true);
  });
});
