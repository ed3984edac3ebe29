/**
 * The seeding routes of DESIGN.md spoken over a {@link Send}, with answers checked strictly: a target
 * that does not serve them is a configuration error, not a contract failure.
 */
import type { Send } from './send.js';
import type { Seeding } from './target.js';

/** The seeding routes did not answer as DESIGN.md says (e.g. 404: the target has no seeding). */
export class SeedingError extends Error {
  override name = 'SeedingError';
}

function route(sessionId: string): string {
  return `/_contract/sessions/${encodeURIComponent(sessionId)}`;
}

/** Seeding through `PUT`/`DELETE /_contract/sessions/{SessionId}`. */
export function seedingOver(send: Send): Seeding {
  return {
    async put(sessionId, executors) {
      const body = JSON.stringify({ executors });
      const res = await send({ method: 'PUT', path: route(sessionId), headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
      if (res.status < 200 || res.status > 299)
        throw new SeedingError(`PUT ${route(sessionId)} answered ${res.status} (expected 204)${res.body ? `: ${res.body.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`);
    },
    async drop(sessionId) {
      const res = await send({ method: 'DELETE', path: route(sessionId), headers: {}, body: '' });
      if ((res.status < 200 || res.status > 299) && res.status !== 404)
        throw new SeedingError(`DELETE ${route(sessionId)} answered ${res.status} (expected 204)`);
    },
  };
}
