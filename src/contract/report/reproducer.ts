/**
 * A failure's reproducer: a small bash script that sends the failing run's requests again, in order,
 * to the same target (for the in-process emulator, to the `serve` that answers the same way): the
 * seeding, each call of the operation (by the AWS CLI where it can send the body, else curl), every
 * token taken from the previous answer, and as comments the law, what the harness saw and what the
 * answer should have been. It is built from the redacted exchanges, so it holds no credentials. The
 * operation's members, nouns, seeding route and CLI words come from its profile.
 */
import { filterView, orderedView } from '../../model/order.js';
import { validateRequest } from '../../model/validate-request.js';
import { LIST_EXECUTORS, seedPath, valueAt, type ListParts, type OperationProfile } from '../../profiles/index.js';
import { isObject, parseJson } from '../../schema/json.js';
import type { Target } from '../../targets/target.js';
import type { Exchange } from '../../wire/exchange.js';
import { cliRequest, curlCommand, listCommand, shellQuote } from './aws-cli.js';

/** What a reproducer is made of. */
export interface ReproducerInput {
  id: string;
  law: string;
  /** What the harness saw, in one line. */
  message: string;
  /** The failing run's exchanges, redacted. */
  exchanges: readonly Exchange[];
  /** Index in `exchanges` of the call of the operation that broke the law. */
  culprit: number;
  target: Pick<Target, 'kind' | 'cliEndpoint' | 'cliServe' | 'region' | 'description'>;
  /** The operation the law was checked on. @defaultValue ListExecutors */
  profile?: OperationProfile;
}

/** How many items the expected answer names before it stops. */
const SHOWN = 12;
/** How much of a long item id a comment shows. */
const ID_CHARS = 40;

/** The seeding route's prefix of the operation's parents: `/_contract/sessions/`. */
const seedRoute = (profile: OperationProfile): string => seedPath(profile, '');
/** Whether `e` calls the operation. */
const isList = (e: Exchange, profile: OperationProfile): boolean => e.request.method === 'POST' && (e.request.headers['x-amz-target'] ?? '').endsWith(`.${profile.operation}`);
const isSeeding = (e: Exchange, profile: OperationProfile): boolean => e.request.path.startsWith(seedRoute(profile)) && (e.request.method === 'PUT' || e.request.method === 'DELETE');

/** A string member of a JSON body, if it has one. */
function member(body: string, name: string): string | undefined {
  const p = parseJson(body);
  return isObject(p) && typeof p[name] === 'string' ? p[name] : undefined;
}

/**
 * Real Athena (a live target, or an unseeded recording at an AWS address): SigV4 is checked there, and
 * credentials are the user's. A seeded run was never against AWS, which has no seeding routes.
 */
function isAws(input: ReproducerInput, profile: OperationProfile): boolean {
  const { target } = input;
  if (target.kind === 'live') return true;
  const awsHost = URL.canParse(target.cliEndpoint) && /\.amazonaws\.com(\.cn)?$/.test(new URL(target.cliEndpoint).hostname);
  return awsHost && !input.exchanges.some((e) => isSeeding(e, profile));
}

/** For each call whose token an earlier answer gave: the index of the latest such answer. */
function tokenSources(exchanges: readonly Exchange[], profile: OperationProfile): Map<number, number> {
  const sources = new Map<number, number>();
  const answeredBy = new Map<string, number>();
  exchanges.forEach((e, j) => {
    if (!isList(e, profile)) return;
    const token = member(e.request.body, profile.token);
    const source = token === undefined ? undefined : answeredBy.get(token);
    if (source !== undefined && cliRequest(e.request.body, profile)) sources.set(j, source);
    const given = member(e.response?.body ?? '', profile.token);
    if (given !== undefined) answeredBy.set(given, j);
  });
  return sources;
}

/** An item id for a comment: quoted, and clipped when long (shrunk ids can run to thousands of characters). */
function idText(id: unknown): string {
  return typeof id === 'string' && id.length > ID_CHARS ? `${JSON.stringify(id.slice(0, ID_CHARS))}...` : JSON.stringify(id);
}

/** What the harness got, in a few words: the status and the items, or the error's name, or why nothing came. */
function answerSummary(e: Exchange, profile: OperationProfile): string {
  if (!e.response) return `no answer: ${e.transportError ?? 'none'}`;
  const p = parseJson(e.response.body);
  if (!isObject(p)) return `${e.response.status}${e.response.body ? `, a body that is not JSON: ${JSON.stringify(e.response.body.slice(0, 60))}` : ''}`;
  if (typeof p.__type === 'string') return `${e.response.status} ${p.__type.replace(/^.*#/, '')}`;
  const listed = p[profile.items];
  const items = Array.isArray(listed) ? listed.map((x) => (isObject(x) ? idText(x[profile.id]) : '?')) : [];
  const named = items.length ? ` ${items.slice(0, SHOWN).join(', ')}${items.length > SHOWN ? ', ...' : ''}` : '';
  const token = typeof p[profile.token] === 'string' ? `, a ${profile.token}` : `, no ${profile.token}`;
  return `${e.response.status}, ${items.length} ${profile.itemNoun}(s)${named}${token}`;
}

/** The opening comments and settings: what broke, where the script sends, and the credentials it uses. */
function preamble(input: ReproducerInput, aws: boolean, profile: OperationProfile): string[] {
  const { target } = input;
  const lines = ['#!/usr/bin/env bash', `# Reproduces ${input.id}: ${input.law}`, `# The harness saw: ${input.message}`];
  if (target.cliServe) lines.push('# The run used the built-in emulator in process; this server answers the same way, start it first:', `#   ${target.cliServe}`);
  if (target.kind === 'replay') lines.push(`# The run was a ${target.description}: set ENDPOINT to a server that answers as that target did.`);
  lines.push('# Needs bash, curl and the AWS CLI (v1 or v2). Set ENDPOINT to send elsewhere.', `ENDPOINT=\${ENDPOINT:-${shellQuote(target.cliEndpoint.replace(/\/$/, ''))}}`);
  if (aws) lines.push('# Real Athena: the AWS CLI signs with your own credentials (the default chain); this script holds none.');
  else
    lines.push(
      '# An emulator does not check SigV4 signatures, so any credentials do: these are placeholders, not secrets,',
      '# set for this script only (no profile, no instance metadata: nothing leaves for the network but ENDPOINT).',
      'unset AWS_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN',
      'export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true',
    );
  lines.push(
    '# The CLI shows the first answer as it came (no retries, no pager).',
    'export AWS_MAX_ATTEMPTS=1 AWS_PAGER=',
    `# Runs one call, prints its answer, and keeps its ${profile.token} in $token for the next page.`,
    `call() { local out status; out=$("$@"); status=$?; printf '%s\\n' "$out"; token=$(printf '%s' "$out" | grep -o '"${profile.token}": *"[^"]*"' | sed 's/^.*: *"//; s/"$//'); return $status; }`,
  );
  return lines;
}

/** The lines that send exchange `j` again (or say why it cannot be sent by hand), under their comment. */
function step(input: ReproducerInput, j: number, sources: Map<number, number>, aws: boolean, profile: OperationProfile): string[] {
  const e = input.exchanges[j];
  const { region } = input.target;
  if (isSeeding(e, profile)) {
    const title = `# ${seedingTitle(input.exchanges, j, profile)} (the seeding route ${e.request.method} ${seedRoute(profile)}{${profile.parent.member}}):`;
    return [title, curlCommand(e.request, '"$ENDPOINT"', "-sS -f -o /dev/null -w 'HTTP %{http_code}\\n'")];
  }
  const source = sources.get(j);
  const previous = source === previousList(input.exchanges, j, profile);
  const token = source === undefined ? undefined : previous ? '"$token"' : `"$token_${source}"`;
  const chained = token === undefined ? '' : `, with the ${profile.token} of ${previous ? 'the previous' : 'an earlier'} answer`;
  const heading = `# ${j === input.culprit ? 'The call that broke the law' : profile.operation}${chained}; the harness got: ${answerSummary(e, profile)}`;
  const request = cliRequest(e.request.body, profile);
  // The CLI shows neither the status nor the headers: for the culprit, the same request with curl shows both.
  const raw = j === input.culprit && !aws ? ['# To see the status and headers of the answer too, send the same request with curl:', `#   ${curlCommand(e.request, '"$ENDPOINT"')}`] : [];
  if (request) return [heading, `call ${listCommand(request, '"$ENDPOINT"', region, token, profile)} --output json`, ...raw];
  if (aws) return [heading, '# The AWS CLI cannot send this body, and real Athena needs a SigV4 signature, so curl cannot either. The body:', `#   ${e.request.body}`];
  return [heading, '# The AWS CLI cannot send this body as it is, so curl sends it raw (emulators do not check SigV4 signatures).', `call ${curlCommand(e.request, '"$ENDPOINT"')}`];
}

/** The PUTs of the seeding route for `path` among the first `before` exchanges. */
function seedsOf(exchanges: readonly Exchange[], path: string, before: number): Exchange[] {
  return exchanges.slice(0, before).filter((x) => x.request.method === 'PUT' && x.request.path === path);
}

/** What a seeding exchange does, in words: seed a parent, change it mid-run, or drop it. */
function seedingTitle(exchanges: readonly Exchange[], j: number, profile: OperationProfile): string {
  const { method, path, body } = exchanges[j].request;
  const { noun, seedMember } = profile.parent;
  const parent = decodeURIComponent(path.slice(seedRoute(profile).length));
  if (method !== 'PUT') return `Drop ${noun} ${parent}`;
  const doc = parseJson(body);
  const seeded = isObject(doc) ? doc[seedMember] : undefined;
  const count = Array.isArray(seeded) ? `${seeded.length} ` : '';
  const items = `${count}${profile.itemNoun}s`;
  return seedsOf(exchanges, path, j).length ? `Change ${noun} ${parent} during the run: it now holds exactly these ${items}` : `Seed ${noun} ${parent} with exactly these ${items}`;
}

/** The index of the last call of the operation before `j`. */
function previousList(exchanges: readonly Exchange[], j: number, profile: OperationProfile): number | undefined {
  for (let i = j - 1; i >= 0; i--) if (isList(exchanges[i], profile)) return i;
  return undefined;
}

/**
 * What the model says of a request body: undefined when it is invalid; else its parts, and the walk
 * of it over a parent's items (those it lists, in its order). The one place the reproducer asks the model.
 */
function modelWalk(profile: OperationProfile, body: unknown): { parts: ListParts; walk: (items: readonly unknown[]) => readonly unknown[] } | undefined {
  const valid = validateRequest(profile, body);
  if (!valid.ok) return undefined;
  const parts = valid.request;
  return { parts, walk: (items) => filterView(profile, orderedView(profile, items as readonly object[]), parts.state).map((o) => o.item) };
}

/**
 * For a parent seeded once, read by a valid request that starts a walk or continues one: what the
 * parent holds, in the order a walk must list it.
 */
function expected(input: ReproducerInput, sources: Map<number, number>, profile: OperationProfile): string[] {
  const e = input.exchanges[input.culprit];
  const model = modelWalk(profile, parseJson(e.request.body));
  if (!model || (model.parts.token !== undefined && !sources.has(input.culprit))) return [];
  const seeds = seedsOf(input.exchanges, seedPath(profile, model.parts.parent), input.culprit);
  // A parent changed during the walk has no one right listing: the law at the top says what holds then.
  const seed = seeds.length === 1 && parseJson(seeds[0].request.body);
  const items = isObject(seed) ? seed[profile.parent.seedMember] : undefined;
  if (!Array.isArray(items)) return [];
  const filter = model.parts.state;
  const view = model.walk(items);
  const key = profile.orderKey.path.join('.');
  const named = view.slice(0, SHOWN).map((x) => `${idText(valueAt(x, [profile.id]))} (${key} ${String(valueAt(x, profile.orderKey.path) ?? 'none')})`);
  return [
    `# Should have been: the ${profile.parent.noun} holds ${view.length} ${profile.itemNoun}(s)${filter ? ` in state ${filter}` : ''}; a walk lists each once, newest first (ties in any order):`,
    `#   ${named.join(', ')}${view.length > SHOWN ? ', ...' : ''}`,
  ];
}

/** The reproducer of a failure, as the text of a bash script. */
export function reproducerScript(input: ReproducerInput): string {
  const profile = input.profile ?? LIST_EXECUTORS;
  const aws = isAws(input, profile);
  const sources = tokenSources(input.exchanges.slice(0, input.culprit + 1), profile);
  const saved = new Set([...sources.entries()].filter(([j, i]) => i !== previousList(input.exchanges, j, profile)).map(([, i]) => i));
  const lines = preamble(input, aws, profile);
  input.exchanges.forEach((e, j) => {
    // The run's requests up to the one that broke the law, and the seeding it undid after.
    if (j > input.culprit && !(isSeeding(e, profile) && e.request.method === 'DELETE')) return;
    if (!isList(e, profile) && !isSeeding(e, profile)) return;
    lines.push('', ...step(input, j, sources, aws, profile));
    if (saved.has(j)) lines.push(`token_${j}=$token`);
    if (j === input.culprit) lines.push(...expected(input, sources, profile));
  });
  return `${lines.join('\n')}\n`;
}
