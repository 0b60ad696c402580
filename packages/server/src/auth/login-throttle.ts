import { DomainError, ErrorCode } from '@tollgate/domain';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Counts failed sign-ins per (email, address) and per address alone; past the
 * limit sign-in is refused until the window ends, even with the right password.
 */
export class LoginThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor({ maxFailures, windowSeconds }: { maxFailures: number; windowSeconds: number }) {
    this.perAccount = new RateLimiterMemory({ points: maxFailures, duration: windowSeconds });
    this.perAddress = new RateLimiterMemory({ points: maxFailures * 10, duration: windowSeconds });
  }

  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(`${email}|${ip}`), this.perAddress.get(String(ip))]);
    const blocked = [account && account.remainingPoints <= 0 ? account : null, address && address.remainingPoints <= 0 ? address : null].find(Boolean);
    if (blocked) throw tooMany(blocked);
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    await Promise.all([this.perAccount.penalty(`${email}|${ip}`), this.perAddress.penalty(String(ip))]);
  }

  async recordSuccess(email: string, ip: string | null): Promise<void> {
    await this.perAccount.delete(`${email}|${ip}`);
  }
}

const tooMany = (res: RateLimiterRes) => {
  const retryAfterSeconds = Math.ceil(res.msBeforeNext / 1000);
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
};
