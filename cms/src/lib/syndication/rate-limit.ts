/**
 * Rate limits (per partner token, per IP address for learner accounts), counted in this node's memory (rate-limiter-flexible):
 * `limit` requests per `windowSeconds`, fixed windows. With several CMS nodes each
 * node counts on its own, so a partner spread over N nodes by the load balancer
 * gets up to N × limit.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const limiters = new Map<string, RateLimiterMemory>();

function limiter(points: number, duration: number): RateLimiterMemory {
  const key = `${points}/${duration}`;
  let found = limiters.get(key);
  if (!found) {
    found = new RateLimiterMemory({ points, duration });
    limiters.set(key, found);
  }
  return found;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export async function consume(key: number | string, limit: number, windowSeconds: number): Promise<RateDecision> {
  try {
    const res = await limiter(limit, windowSeconds).consume(String(key));
    return { allowed: true, limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}
