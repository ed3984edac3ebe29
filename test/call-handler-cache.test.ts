/**
 * The harness's SDK clients cache each command class's resolved middleware (`cacheMiddleware`, in
 * src/targets/observed-client.ts); a command carrying middleware of its own (a raw body, another
 * operation's `X-Amz-Target`) is sent so that the SDK neither takes nor keeps a cached handler
 * (src/contract/catalogue/call.ts). Interleaved on one client, each call sends its own body and target.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listCall } from '../src/contract/catalogue/call.js';
import { emptyStats, type CheckContext } from '../src/contract/catalogue/context.js';
import { LIST_SESSIONS } from '../src/profiles/index.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';
import type { Target } from '../src/targets/target.js';

const SESSION = 'cache-session';
const targets: Target[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

/** A context on a fresh built-in emulator holding one empty session, its exchanges read back after each call. */
async function context(): Promise<CheckContext> {
  const target = emulatorTarget({ region: 'us-east-1' });
  targets.push(target);
  await target.seeding?.put(SESSION, []);
  const ctx: CheckContext = { target, mode: 'observational', sessions: [SESSION], bounds: { maxPages: 10, maxWalkMs: 10_000 }, stats: emptyStats(), exchanges: [] };
  target.onExchange((e) => ctx.exchanges.push(e));
  return ctx;
}

describe('one client, commands with and without middleware of their own, in turn', () => {
  it('each raw body is sent as given, and each plain call as the SDK serializes it, whatever came before', async () => {
    const ctx = await context();
    const sent = async (input: Parameters<typeof listCall>[1]) => {
      const call = await listCall(ctx, input);
      return { status: call.status, body: String(call.exchange?.request.body ?? '') };
    };
    expect(await sent({ SessionId: SESSION })).toEqual({ status: 200, body: JSON.stringify({ SessionId: SESSION }) });
    expect(await sent({ raw: JSON.stringify({ SessionId: SESSION, MaxResults: 0 }) })).toEqual({ status: 400, body: '{"SessionId":"cache-session","MaxResults":0}' });
    expect(await sent({ SessionId: SESSION, MaxResults: 5 })).toEqual({ status: 200, body: JSON.stringify({ SessionId: SESSION, MaxResults: 5 }) });
    expect(await sent({ raw: '{"SessionId":7}' })).toEqual({ status: 400, body: '{"SessionId":7}' });
    expect(await sent({ raw: '{"SessionId":""}' })).toEqual({ status: 400, body: '{"SessionId":""}' });
    expect(await sent({ SessionId: SESSION })).toEqual({ status: 200, body: JSON.stringify({ SessionId: SESSION }) });
  });

  it("another operation's target is sent on its own calls only", async () => {
    const ctx = await context();
    const target = (e: CheckContext['exchanges'][number] | undefined) => e?.request.headers['x-amz-target'];
    await listCall(ctx, { SessionId: SESSION });
    expect(target(ctx.exchanges.at(-1))).toBe('AmazonAthena.ListExecutors');
    await listCall({ ...ctx, profile: { ...LIST_SESSIONS, sdkCommand: undefined } }, { WorkGroup: 'primary' });
    expect(target(ctx.exchanges.at(-1))).toBe('AmazonAthena.ListSessions');
    await listCall(ctx, { SessionId: SESSION });
    expect(target(ctx.exchanges.at(-1))).toBe('AmazonAthena.ListExecutors');
  });
});
