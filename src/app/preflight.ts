/**
 * Before any property runs: one call to learn that the target is reachable and speaks AWS JSON 1.1,
 * that it serves the seeding routes when seeded mode needs them, and that the given sessions exist.
 * What fails here is a configuration or connection error (exit 2), not a contract failure.
 */
import { randomUUID } from 'node:crypto';
import type { Target } from '../targets/target.js';
import { emptyStats, type CheckContext } from '../contract/catalogue/context.js';
import type { Mode } from '../common/results.js';
import { describeAnswer, listCall } from '../contract/catalogue/call.js';
import { TargetError } from '../common/errors.js';

function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(body);
}

/** Throws a {@link TargetError} unless the target can be tested in `mode`. */
export async function preflight(target: Target, mode: Mode, sessions: readonly string[]): Promise<void> {
  const ctx: CheckContext = { target, mode, sessions, bounds: { maxPages: 1, maxWalkMs: 60_000 }, stats: emptyStats(), exchanges: [] };
  const stop = target.onExchange((e) => ctx.exchanges.push(e));
  try {
    const probe = await listCall(ctx, { SessionId: `contract-preflight-${randomUUID()}` });
    const res = probe.exchange?.response;
    if (!res) throw new TargetError(`cannot reach ${target.endpoint}: ${probe.exchange?.transportError ?? probe.error?.message}`);
    if (looksLikeHtml(res.body, res.headers['content-type']))
      throw new TargetError(`${target.endpoint} answered ListExecutors with HTML (HTTP ${res.status}), not AWS JSON 1.1: is it an Athena endpoint, and does it implement ListExecutors?`);
    if (mode === 'seeded') {
      const id = `contract-preflight-${randomUUID()}`;
      try {
        await target.seeding!.put(id, []);
        await target.seeding!.drop(id);
      } catch (e) {
        throw new TargetError(`--seeded: ${target.endpoint} does not serve the seeding routes (${(e as Error).message}); run observational mode with --session-id instead`);
      }
    }
    for (const id of sessions) {
      const call = await listCall(ctx, { SessionId: id, MaxResults: 1 });
      if (call.status !== 200) throw new TargetError(`--session-id ${id}: ListExecutors answered ${describeAnswer(call)}; name a session that exists`);
    }
  } finally {
    stop();
  }
}
