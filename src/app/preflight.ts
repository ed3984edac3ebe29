/**
 * Before any property runs: one call per operation to learn that the target is reachable and speaks
 * AWS JSON 1.1 for it, that it serves the seeding routes when seeded mode needs them, and that the
 * given parents (sessions, workgroups) exist. What fails here is a configuration or connection error
 * (exit 2), not a contract failure.
 */
import { randomUUID } from 'node:crypto';
import type { Target } from '../targets/target.js';
import { emptyStats, type CheckContext } from '../contract/catalogue/context.js';
import type { Mode } from '../common/results.js';
import { describeAnswer, listCall } from '../contract/catalogue/call.js';
import { TargetError } from '../common/errors.js';
import { LIST_EXECUTORS, listRequest, type OperationProfile } from '../profiles/index.js';
import { parentsFor } from '../contract/engine/settings.js';
import { parentFlagOf, type Parents } from './parents.js';

function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(body);
}

/** Checks that `profile`'s operation answers in AWS JSON 1.1 and that its given parents exist. */
async function probe(ctx: CheckContext, profile: OperationProfile, parents: readonly string[]): Promise<void> {
  const { target } = ctx;
  const own: CheckContext = { ...ctx, profile };
  const first = await listCall(own, listRequest(profile, { parent: `contract-preflight-${randomUUID()}` }));
  const res = first.exchange?.response;
  if (!res) throw new TargetError(`cannot reach ${target.endpoint}: ${first.exchange?.transportError ?? first.error?.message}`);
  if (looksLikeHtml(res.body, res.headers['content-type']))
    throw new TargetError(`${target.endpoint} answered ${profile.operation} with HTML (HTTP ${res.status}), not AWS JSON 1.1: is it an Athena endpoint, and does it implement ${profile.operation}?`);
  for (const id of parents) {
    const call = await listCall(own, listRequest(profile, { parent: id, pageSize: 1 }));
    if (call.status !== 200) throw new TargetError(`${parentFlagOf(profile)} ${id}: ${profile.operation} answered ${describeAnswer(call)}; name a ${profile.parent.noun} that exists`);
  }
}

/** Throws a {@link TargetError} unless the target can be tested in `mode` for every one of `operations` (ListExecutors by default). */
export async function preflight(target: Target, mode: Mode, parents: Parents, operations: readonly OperationProfile[] = [LIST_EXECUTORS]): Promise<void> {
  const ctx: CheckContext = { target, mode, sessions: [], bounds: { maxPages: 1, maxWalkMs: 60_000 }, stats: emptyStats(), exchanges: [] };
  const stop = target.onExchange((e) => ctx.exchanges.push(e));
  try {
    for (const profile of operations) await probe(ctx, profile, mode === 'observational' ? parentsFor(parents, profile) : []);
    if (mode !== 'seeded') return;
    // Each seeding route once (ListExecutors and ListCalculationExecutions share the sessions').
    const routes = [...new Map(operations.map((p) => [p.parent.route, p])).values()];
    for (const profile of routes) {
      const id = `contract-preflight-${randomUUID()}`;
      try {
        await target.seeding!.put(id, [], profile);
        await target.seeding!.drop(id, profile);
      } catch (e) {
        throw new TargetError(`--seeded: ${target.endpoint} does not serve the seeding routes (${(e as Error).message}); run observational mode with ${parentFlagOf(profile)} instead`);
      }
    }
  } finally {
    stop();
  }
}
