/**
 * `--rate N`: a target's requests spaced at least 1/N s apart. It wraps the target's one {@link Send},
 * outside the exchange feed, so that every request the target receives is paced (SDK calls, their
 * retries, seeding) and no exchange's duration includes the wait.
 */
import type { Send } from './send.js';

/** `send` with its requests started at most `perSecond` per second; `send` itself when no rate is given. */
export function paced(send: Send, perSecond: number | undefined): Send {
  if (perSecond === undefined) return send;
  const interval = 1000 / perSecond;
  let next = 0;
  return async (request) => {
    const now = performance.now();
    // Reserved before waiting, so concurrent requests queue in order instead of sharing a slot.
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, Math.ceil(at - now)));
    return send(request);
  };
}
