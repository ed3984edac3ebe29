/**
 * The seeding routes of DESIGN.md spoken over a {@link Send}, with answers checked strictly: a target
 * that does not serve them is a configuration error, not a contract failure.
 */
import { LIST_EXECUTORS, seedPath, type OperationProfile } from '../profiles/index.js';
import type { Send } from './send.js';
import type { Seeding } from './target.js';

/** The seeding routes did not answer as DESIGN.md says (e.g. 404: the target has no seeding). */
export class SeedingError extends Error {
  override name = 'SeedingError';
}

/** Seeding through `PUT`/`DELETE /_contract/{route}/{id}`, the route and the body's member the profile's. */
export function seedingOver(send: Send): Seeding {
  return {
    async put(parent, items, profile: OperationProfile = LIST_EXECUTORS) {
      const route = (id: string) => seedPath(profile, id);
      const body = JSON.stringify({ [profile.parent.seedMember]: items });
      const res = await send({ method: 'PUT', path: route(parent), headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
      if (res.status < 200 || res.status > 299)
        throw new SeedingError(`PUT ${route(parent)} answered ${res.status} (expected 204)${res.body ? `: ${res.body.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`);
    },
    async drop(parent, profile: OperationProfile = LIST_EXECUTORS) {
      const path = seedPath(profile, parent);
      const res = await send({ method: 'DELETE', path, headers: {}, body: '' });
      if ((res.status < 200 || res.status > 299) && res.status !== 404)
        throw new SeedingError(`DELETE ${path} answered ${res.status} (expected 204)`);
    },
  };
}
