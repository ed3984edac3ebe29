/**
 * The contract facts of a recording: what its answers show of the contract, apart from the data they
 * carry. Which members each kind of answer has and of which JSON types, which enum values appear,
 * what each probe (kind of request, see probes.ts) was answered, the default page size, how walks end
 * on a full page. Values that differ by nature (ids, times, tokens, request ids) are never kept. The
 * operation whose calls are probes, and its members, come from its profile; a recording holds a
 * cassette set per operation (those recorded before the family, ListExecutors'), and each operation's
 * facts are read from its own set.
 */
import { FAMILY, LIST_EXECUTORS, type OperationProfile } from '../profiles/index.js';
import { parseJson, isObject } from '../schema/json.js';
import type { JsonSchema } from '../schema/load.js';
import { isThrottlingAnswer } from '../targets/throttling.js';
import { errorCode } from '../wire/error-code.js';
import type { Exchange } from '../wire/exchange.js';
import { operationOf, type Cassette, type Recording } from './cassette.js';
import { answerSchema, memberReading, type MemberReading } from './contract-schema.js';
import { noteSeeding, noteToken, probeContext, probeOf, type Probe, type ProbeContext } from './probes.js';

/** How a walk ended on a page: on an empty page its token led to, or on a full page without a token. */
export type WalkEnd = 'trailing empty page' | 'full last page, no token';

/** What a recording shows of the contract. */
export interface ContractFacts {
  /** The operation whose calls are probes and whose answers' schemas are its profile's. */
  profile: OperationProfile;
  properties: Set<string>;
  /** `{operation} 200` or `{operation} 400 InvalidRequestException` → member path → JSON types seen. */
  members: Map<string, Map<string, Set<string>>>;
  /** The schema of each kind of answer (absent: not modelled here). */
  schemas: Map<string, JsonSchema | undefined>;
  /** `{operation} 200 {items}[].{state member}` → values seen (members the schema calls enums). */
  enums: Map<string, { values: Set<string>; allowed: readonly unknown[] }>;
  /** Probe → the answers it got: `200`, `400 InvalidRequestException (INVALID_INPUT)`. */
  probes: Map<string, Set<string>>;
  /** Answers that say nothing of the contract (throttling, no answer), counted by kind. */
  transient: Map<string, number>;
  /** Requests without a page size: the largest unfiltered page followed by a token (the default page size), and the largest page. */
  pageSize: { full?: number; largest?: number };
  /** `unfiltered` / `filtered` → how walks ended on a full page. */
  walkEnds: Map<string, Set<WalkEnd>>;
  /**
   * Read without naming an operation: the facts of the recording's other operations (ListExecutors'
   * are these), keyed by operation, so that one comparison covers every cassette set.
   */
  others?: Map<string, ContractFacts>;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function tally(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The JSON type of a value; integers are told from other numbers only where the schema says integer (AWS timestamps are either). */
function jsonType(value: unknown, reading: MemberReading): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'number') return typeof value;
  return reading.type === 'integer' && Number.isInteger(value) ? 'integer' : 'number';
}

/** The error code of a body as the SDK reads it: `__type` without namespace or `:` suffix. */
function codeOf(body: unknown): string | undefined {
  const type = isObject(body) ? (body.__type ?? body.code) : undefined;
  return typeof type === 'string' ? errorCode(type) : undefined;
}

/** Walks an answer body, noting every member path with its JSON type, and the values of enum members. */
class MemberWalk {
  private readonly readings = new Map<string, MemberReading>();

  constructor(
    private readonly facts: ContractFacts,
    private readonly answer: string,
    private readonly schema: JsonSchema | undefined,
  ) {}

  private reading(path: string): MemberReading {
    let r = this.readings.get(path);
    if (!r) {
      r = this.schema ? memberReading(this.schema, path, this.facts.profile) : { known: false, required: false };
      this.readings.set(path, r);
    }
    return r;
  }

  visit(value: unknown, path: string, members: Map<string, Set<string>>): void {
    const children: [string, unknown][] = Array.isArray(value) ? value.map((v) => [`${path}[]`, v]) : isObject(value) ? Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]) : [];
    for (const [at, v] of children) {
      const reading = this.reading(at);
      add(members, at, jsonType(v, reading));
      if (reading.enum && typeof v === 'string') {
        const key = `${this.answer} ${at}`;
        const seen = this.facts.enums.get(key) ?? { values: new Set<string>(), allowed: reading.enum };
        seen.values.add(v);
        this.facts.enums.set(key, seen);
      }
      this.visit(v, at, members);
    }
  }
}

/** The answer as a probe's outcome: `200`, `400 ResourceNotFoundException`, with the AthenaErrorCode when there is one. */
function outcomeOf(status: number, code: string | undefined, body: unknown): string {
  if (code === undefined) return String(status);
  const athena = isObject(body) && typeof body.AthenaErrorCode === 'string' ? ` (${body.AthenaErrorCode})` : '';
  return `${status} ${code}${athena}`;
}

/** Whether an answer is the target asking to slow down (the contract says nothing of it). */
function throttled(status: number, code: string | undefined): boolean {
  return isThrottlingAnswer(Object.assign(new Error(code ?? ''), { name: code ?? 'Error', $metadata: { httpStatusCode: status } }));
}

function notePage(facts: ContractFacts, ctx: ProbeContext, sent: unknown, body: unknown, probe: Probe): void {
  if (!isObject(sent) || !isObject(body) || !probe.paging) return;
  const { items, token, filter, pageSize } = facts.profile;
  const listed = body[items];
  const count = Array.isArray(listed) ? listed.length : 0;
  const next = typeof body[token] === 'string' && body[token] !== '';
  const filtered = sent[filter.member] !== undefined && sent[filter.member] !== null;
  if (typeof sent[pageSize] !== 'number') {
    facts.pageSize.largest = Math.max(facts.pageSize.largest ?? 0, count);
    if (next && !filtered) facts.pageSize.full = Math.max(facts.pageSize.full ?? 0, count);
  }
  if (probe.follows && count === 0 && !next) add(facts.walkEnds, filtered ? 'filtered' : 'unfiltered', 'trailing empty page');
  if (count > 0 && count === sent[pageSize] && !next) add(facts.walkEnds, filtered ? 'filtered' : 'unfiltered', 'full last page, no token');
  noteToken(ctx, sent, body[token]);
}

/** Notes one exchange of a call to the service (not the harness's seeding routes). */
function noteCall(facts: ContractFacts, ctx: ProbeContext, { request, response }: Exchange, op: string): void {
  const sent = parseJson(request.body);
  const listing = op === facts.profile.operation;
  const probe: Probe = listing ? probeOf(ctx, sent) : { name: op, paging: false, follows: false };
  if (!response) {
    tally(facts.transient, `${probe.name}: no answer`);
    return;
  }
  const body = parseJson(response.body);
  const code = response.status >= 300 ? (codeOf(body) ?? '(no error code)') : undefined;
  if (code !== undefined && throttled(response.status, code)) {
    tally(facts.transient, `${probe.name}: ${response.status} ${code}`);
    return;
  }
  add(facts.probes, probe.name, outcomeOf(response.status, code, body));
  const answer = code ? `${op} ${response.status} ${code}` : `${op} ${response.status}`;
  const members = facts.members.get(answer) ?? new Map<string, Set<string>>();
  facts.members.set(answer, members);
  if (!facts.schemas.has(answer)) facts.schemas.set(answer, answerSchema(op, code, facts.profile));
  if (body === undefined) add(members, '(body)', response.body === '' ? 'empty' : 'not JSON');
  new MemberWalk(facts, answer, facts.schemas.get(answer)).visit(body, '', members);
  if (listing && response.status === 200) notePage(facts, ctx, sent, body, probe);
}

function noteCassette(facts: ContractFacts, cassette: Cassette): void {
  facts.properties.add(cassette.header.property);
  const ctx = probeContext(cassette.header.sessions, facts.profile);
  for (const exchange of cassette.exchanges) {
    const { method, path, headers } = exchange.request;
    const target = headers['x-amz-target'];
    if (method === 'POST' && target) noteCall(facts, ctx, exchange, target.split('.').pop() ?? target);
    else noteSeeding(ctx, method, path, exchange.response?.status);
  }
}

/** The facts of the cassettes of `profile`'s operation alone. */
function factsOf(recording: Recording, profile: OperationProfile): ContractFacts {
  const facts: ContractFacts = { profile, properties: new Set(), members: new Map(), schemas: new Map(), enums: new Map(), probes: new Map(), transient: new Map(), pageSize: {}, walkEnds: new Map() };
  for (const cassette of recording.cassettes) if (operationOf(cassette.header) === profile.operation) noteCassette(facts, cassette);
  return facts;
}

/**
 * Reads the contract facts of the cassettes of `profile`'s operation; without a profile, those of
 * ListExecutors with each other operation the recording holds in `others`.
 */
export function contractFacts(recording: Recording, profile?: OperationProfile): ContractFacts {
  if (profile) return factsOf(recording, profile);
  const others = new Map<string, ContractFacts>();
  for (const p of FAMILY)
    if (p !== LIST_EXECUTORS && recording.cassettes.some((c) => operationOf(c.header) === p.operation)) others.set(p.operation, factsOf(recording, p));
  return { ...factsOf(recording, LIST_EXECUTORS), others };
}
