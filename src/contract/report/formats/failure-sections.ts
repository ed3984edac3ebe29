/**
 * A failure as data, in the sections every medium shows (fast-check's `RunDetailsFormatter` beside its
 * `RunDetails`): what broke, the shrunk counterexample, the request and answer that show it, the
 * same request by hand, the script that reproduces it, and the replay command. Console, JUnit, Markdown and the vitest error lay
 * out these sections, each in its own way, and read nothing else of the failure.
 */
import type { PropertyReport } from '../../../common/results.js';
import type { Exchange, WireRequest, WireResponse } from '../../../wire/exchange.js';

/** What came back to the shown request: a response, or why none came. */
export type Answer = WireResponse | { transportError?: string };

/** A failed property's sections; each is absent when the failure has nothing for it. */
export interface FailureSections {
  id: string;
  /** The property's operation (absent in reports of older versions: ListExecutors). */
  operation?: string;
  law: string;
  /** What was expected and what came, in one line. */
  message?: string;
  /** The shrunk scenario as JSON, on one line and indented. */
  counterexample?: { json: string; pretty: string };
  /** Every exchange of the failing run; `shown` is the one that broke the law (`culprit`), else the last one. */
  exchanges?: { all: readonly Exchange[]; shown: number; culprit: boolean };
  /** The shown exchange's request. */
  request?: WireRequest;
  answer?: Answer;
  /** The failing request as an `aws athena` command line (the operation's, such as `list-executors`). */
  byHand?: string;
  /** A bash script that sends the failing run's requests again, with what the answer should have been. */
  reproduce?: string;
  /** The command that replays the counterexample. */
  replay?: string;
}

/** The sections of property report `p` (a failed one: the others have none but id and law). */
export function failureSections(p: PropertyReport): FailureSections {
  const sections: FailureSections = { id: p.id, ...(p.operation !== undefined ? { operation: p.operation } : {}), law: p.law, ...(p.replay ? { replay: p.replay } : {}) };
  const ce = p.counterexample;
  if (!ce) return sections;
  const shown = ce.failingExchange ?? ce.exchanges.length - 1;
  const exchange = ce.exchanges.at(shown);
  return {
    ...sections,
    message: ce.message,
    counterexample: { json: JSON.stringify(ce.scenario), pretty: JSON.stringify(ce.scenario, null, 2) },
    exchanges: { all: ce.exchanges, shown, culprit: ce.failingExchange !== null },
    ...(exchange ? { request: exchange.request, answer: exchange.response ?? { transportError: exchange.transportError } } : {}),
    ...(ce.awsCli ? { byHand: ce.awsCli } : {}),
    ...(ce.reproduce ? { reproduce: ce.reproduce } : {}),
  };
}
