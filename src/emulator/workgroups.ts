/**
 * The parents of ListSessions: every workgroup's sessions. A workgroup holds the sessions seeded into
 * it (`PUT /_contract/workgroups/{WorkGroup}`) and, beside them, those started in it with
 * StartSession, each as it is now; it is known while it holds either.
 */
import type { SessionSummary } from '../generated/athena.js';
import { ParentItems, type Parents } from './parents.js';

/** Workgroups and their sessions, as ListSessions reads them. */
export class Workgroups implements Parents {
  readonly #seeded = new Map<string, readonly SessionSummary[]>();
  /** Started sessions by workgroup, then by SessionId, in the order started. */
  readonly #started = new Map<string, Map<string, SessionSummary>>();
  /** What is listed: the seeded sessions, then the started ones, one frozen array per change. */
  readonly #listed = new ParentItems<SessionSummary>();

  /** Every workgroup's sessions, as the model reads them. */
  get store(): ReadonlyMap<string, readonly SessionSummary[]> {
    return this.#listed.store;
  }

  /** The workgroup now holds exactly `sessions` as seeded ones (created if new); sessions started in it stay. */
  seed(workGroup: string, sessions: readonly SessionSummary[]): void {
    this.#seeded.set(workGroup, sessions);
    this.#refresh(workGroup);
  }

  /** The workgroup's seeded sessions (none for an unknown one): those the living mode adds to and moves. */
  seeded(workGroup: string): readonly SessionSummary[] {
    return this.#seeded.get(workGroup) ?? [];
  }

  /** Forgets the workgroup's seeded sessions; it stays known while sessions started in it remain. Idempotent. */
  drop(workGroup: string): void {
    this.#seeded.delete(workGroup);
    this.#refresh(workGroup);
  }

  /** A number that changes whenever the workgroup's sessions do (0 for an unknown workgroup). */
  generation(workGroup: string): number {
    return this.#listed.generation(workGroup);
  }

  /** Lists a started session in its workgroup as `summary` says it is now (replacing what it said before). */
  show(workGroup: string, summary: SessionSummary & { SessionId: string }): void {
    const started = this.#started.get(workGroup) ?? new Map<string, SessionSummary>();
    this.#started.set(workGroup, started.set(summary.SessionId, summary));
    this.#refresh(workGroup);
  }

  /** Stops listing a started session (it was dropped). */
  hide(workGroup: string, sessionId: string): void {
    const started = this.#started.get(workGroup);
    if (!started?.delete(sessionId)) return;
    if (started.size === 0) this.#started.delete(workGroup);
    this.#refresh(workGroup);
  }

  #refresh(workGroup: string): void {
    const seeded = this.#seeded.get(workGroup);
    const started = this.#started.get(workGroup);
    if (!seeded && !started) this.#listed.drop(workGroup);
    else this.#listed.seed(workGroup, [...(seeded ?? []), ...(started?.values() ?? [])]);
  }
}
