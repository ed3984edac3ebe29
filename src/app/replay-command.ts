/**
 * The command that shows one counterexample again: the CLI's own words for the same target, the
 * property, and fast-check's seed and path. Reports print it; users paste it. A property of another
 * operation than ListExecutors is named `Operation/id`, which selects that operation too.
 */
import type { ReplayCommand, ReplayTarget } from '../common/results.js';
import { shellQuote } from '../contract/report/aws-cli.js';
import { propertyKey } from '../contract/engine/seeds.js';

/** What the replay command repeats of a run's options (a part of `VerifyOptions`). */
export interface ReplayCommandOptions {
  replay?: string;
  live?: { workGroup?: string };
  endpoint?: string;
  seeded?: boolean;
  sessionIds?: readonly string[];
  workGroups?: readonly string[];
  region?: string;
  faults?: readonly string[];
}

/**
 * The replay command for runs made with `options`. A recording replays whole (its cassettes fix the
 * seed and the runs), so it takes only `--only`; a live run starts a fresh session, since the one
 * that failed is terminated by then.
 */
export function replayCommandFor(options: ReplayCommandOptions): ReplayCommand {
  // `--only id` for ListExecutors' laws, as before there were several operations; `Operation/id` for the others.
  const only = ({ id, operation }: ReplayTarget) => `--only ${propertyKey(id, operation)}`;
  if (options.replay !== undefined) {
    const dir = shellQuote(options.replay);
    return (failure) => `npx athena-contract verify --replay ${dir} ${only(failure)}`;
  }
  const parts = ['npx athena-contract verify'];
  if (options.live) {
    parts.push('--live');
    if (options.live.workGroup && !options.sessionIds?.length) parts.push(`--workgroup ${shellQuote(options.live.workGroup)}`);
  }
  if (options.endpoint) parts.push(`--endpoint ${shellQuote(options.endpoint)}`);
  if (options.seeded) parts.push('--seeded');
  for (const s of options.sessionIds ?? []) parts.push(`--session-id ${shellQuote(s)}`);
  // A live run's workgroup is said above (it starts a fresh session there).
  if (!options.live) for (const w of options.workGroups ?? []) parts.push(`--workgroup ${shellQuote(w)}`);
  if (options.region && options.region !== 'us-east-1') parts.push(`--region ${shellQuote(options.region)}`);
  for (const f of options.faults ?? []) parts.push(`--fault ${f}`);
  const prefix = parts.join(' ');
  return (failure) => `${prefix} ${only(failure)} --seed ${failure.seed} --path ${failure.path}`;
}
