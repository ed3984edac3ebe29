/**
 * The one interface between the contract and whatever answers ListExecutors: the built-in emulator,
 * an endpoint URL, live AWS or a recording. The contract sees exchanges, never transports.
 */
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { OperationProfile } from '../profiles/index.js';
import type { Exchange } from '../wire/exchange.js';

/** Where the answers come from; reports and recordings name it. */
export type TargetKind = 'emulator' | 'endpoint' | 'live' | 'replay';

/** Loads populations into a target through the seeding routes of DESIGN.md, for the profile's operation (ListExecutors when absent). */
export interface Seeding {
  /** `PUT /_contract/{route}/{id}` (`sessions` for ListExecutors): the parent then holds exactly `items`. */
  put(parent: string, items: readonly object[], profile?: OperationProfile): Promise<void>;
  /** `DELETE /_contract/{route}/{id}`: the parent is gone. */
  drop(parent: string, profile?: OperationProfile): Promise<void>;
}

/** A target: a real AthenaClient whose every HTTP exchange is observed, plus optional seeding. */
export interface Target {
  readonly kind: TargetKind;
  /** Human-readable: `built-in emulator (in process)` or the endpoint URL. */
  readonly description: string;
  /** The URL the client talks to. */
  readonly endpoint: string;
  /**
   * What a person passes to `aws --endpoint-url` to send a failing request by hand: the endpoint,
   * unless the target answers in process, where it is the server that answers the same way.
   */
  readonly cliEndpoint: string;
  /** For a target that answers in process: the command that starts the server at `cliEndpoint` that answers the same way. */
  readonly cliServe?: string;
  readonly region: string;
  /** An AthenaClient that retries throttling answers only: other retries would hide what the target answered. */
  readonly client: AthenaClient;
  /** Present where the target serves the seeding routes. */
  readonly seeding?: Seeding;
  /** Called with every exchange the client (and seeding) made, in order. */
  onExchange(listener: (exchange: Exchange) => void): () => void;
  close(): Promise<void>;
}
