/**
 * Sampled walks (observational mode): a parent too large to walk whole at a small page size is read
 * once at the largest page size (the reference: it learns the listing and its tokens), and short walks
 * at the small size resume from the reference's tokens at chosen points: the start, the end, around
 * ordering-key ties, and points drawn from the scenario's `sample` (fast-check draws it, so a seed
 * reproduces them). The laws judge every page boundary those short walks cross, as they would a whole
 * walk's; pagination.exactly-once also holds each short walk to the reference's items from its point.
 * A target may refuse a token issued under another page size (InvalidRequestException, legal): the
 * parent is then remembered as refusing for the rest of the run and walked whole. Small parents, and
 * seeded runs (whose populations are small and whose page bound is exact), are walked whole as before.
 */
import { itemId, orderKeyOf, partsOf, type OperationProfile } from '../../profiles/index.js';
import { recordSampled } from '../coverage/index.js';
import type { ListRequest } from './call.js';
import { profileOf, type CheckContext } from './context.js';
import { walk, walkedItems, type Walk } from './walk.js';

/**
 * A parent is sampled at a page size when walking it whole at that size would take more than this
 * many pages: 100 pages are 4 s at a 40 ms round trip and 20 s at the live 5 calls/s, per walk, and a
 * run makes hundreds of walks. Below it every boundary is still walked; the parents the tests and the
 * emulator's fixtures hold stay whole, so their verdicts and counterexamples do not change. A parent
 * of more than this many items is sampled from fewer pages on (SAMPLE_LARGE_ABOVE_PAGES).
 */
export const SAMPLE_ABOVE_PAGES = 100;

/**
 * A parent of more than SAMPLE_ABOVE_PAGES items (one a walk at the smallest size already samples) is
 * sampled at any size whose whole walk would take more than this many pages: a sampled walk costs
 * about as many calls (its start, and a hop and two pages per point), whatever the size, while a
 * whole walk of a 5,000-item parent at MaxResults 60 is 84 calls in a chain. Smaller parents keep
 * SAMPLE_ABOVE_PAGES, so the fixtures' walks stay whole.
 */
const SAMPLE_LARGE_ABOVE_PAGES = 10;

/** The pages above which a walk of a parent of `items` items is sampled. */
function sampledAbove(items: number): number {
  return items > SAMPLE_ABOVE_PAGES ? SAMPLE_LARGE_ABOVE_PAGES : SAMPLE_ABOVE_PAGES;
}

/**
 * Small pages a short walk takes from where its hop lands, a small page before its point (and the
 * start segment's length): the boundary at the point and the one before it, where the hop's page
 * meets the small ones. A segment costs a hop and these pages: three calls.
 */
const SEGMENT_SLACK = 2;

/**
 * Points drawn at random per sampled walk (from the scenario's `sample`): a run's walk is one of a
 * hundred, each drawing its own, so one per walk tests a hundred points a run, at three calls each.
 */
const RANDOM_POINTS = 1;

/** Ordering-key ties aimed at per sampled walk at most (drawn from the ties the reference shows, as the random points are). */
const MAX_TIE_POINTS = 2;

/** A short walk at the small page size, resumed at item `at` of the reference (0: from the start, no token). */
export interface Segment {
  at: number;
  /** The pages it may take: a walk stopped there ended as planned. */
  limit: number;
  /** The page size it asked for (a hop's own, sized to reach a point in one call; absent: the server's default). */
  pageSize: number | undefined;
  walk: Walk;
  /** Re-walks the segment from the same token (confirming a difference). */
  again(): Promise<Walk>;
}

/** A walk at one page size: whole, or sampled against a reference walk at the largest page size. */
export type SizedWalk = { kind: 'whole'; walk: Walk } | { kind: 'sampled'; reference: Walk; segments: Segment[] };

/**
 * What a property's run remembers per operation, parent and filter (each property its own: its calls
 * must not hang on another's timing, for its cassette, its share of the call budget and a replay of
 * it alone to make the same calls): the latest reference walk (its tokens serve
 * every sampled walk after it; a difference a segment shows is judged against references walked
 * afresh, which then replace it), and which parents and filters are walked whole from now on.
 */
interface RunMemory {
  references: Map<string, Walk>;
  /**
   * Parents and filters walked whole from now on, at the size asked for: the parent refused a token
   * issued under another page size, or their reference did not complete (a listing that loops, an
   * error: nothing to sample from, and each walk shows the failure for itself).
   */
  whole: Set<string>;
  /** The boundary sweep's basis per parent: the first reference its cases share (walked once, even by cases side by side). */
  bases: Map<string, Promise<Walk>>;
  /** The reference walks under way, which checks side by side wait for (sharedReference). */
  walking: Map<string, Promise<Walk>>;
  /** A clock that ticks as reference walks begin and end, and when each did: which was walked after which. */
  clock: number;
  times: WeakMap<Walk, { begun: number; ended: number }>;
}

const byRun = new WeakMap<object, RunMemory>();

/** The memory of `ctx`'s property (of the run, where the context names no property). */
function memoryOf(ctx: CheckContext): RunMemory {
  const owner: object = ctx.property ?? ctx.bounds;
  let run = byRun.get(owner);
  if (!run) byRun.set(owner, (run = { references: new Map(), whole: new Set(), bases: new Map(), walking: new Map(), clock: 0, times: new WeakMap() }));
  return run;
}

/** The key a run remembers `request`'s parent and filter by (its page size and token aside). */
function keyOf(profile: OperationProfile, request: ListRequest): string {
  const parts = partsOf(profile, request as Readonly<Record<string, unknown>>);
  return JSON.stringify([profile.operation, parts.parent, parts.state ?? null]);
}

/** Whether a segment ended otherwise than as planned (at its page limit, or at the end of the listing). */
export function segmentFailed(s: Segment): boolean {
  const o = s.walk.outcome;
  return o.kind !== 'complete' && !(o.kind === 'too-many-pages' && o.limit === s.limit);
}

/** A small PRNG (mulberry32): the drawn `sample` decides the random points, so a seed reproduces them. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The item indexes to test around: the end, ordering-key ties (at most {@link MAX_TIE_POINTS}), and random ones. */
function pointsOf(profile: OperationProfile, items: readonly Record<string, unknown>[], sample: number): number[] {
  const n = items.length;
  const ties: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const k = orderKeyOf(profile, items[i]);
    if (k !== undefined && k === orderKeyOf(profile, items[i + 1])) ties.push(i + 1);
  }
  const random = prng(sample);
  const chosenTies = ties.length <= MAX_TIE_POINTS ? ties : Array.from({ length: MAX_TIE_POINTS }, () => ties[Math.floor(random() * ties.length)]);
  const drawn = Array.from({ length: RANDOM_POINTS }, () => Math.floor(random() * n));
  return [n - 1, ...chosenTies, ...drawn];
}

/** A planned short walk: from the reference cut `cut`, one page of `hop` items (none when 0), then `pages` pages at the small size. */
interface Planned {
  cut: number;
  hop: number;
  pages: number;
}

/**
 * For each point, the last reference cut (an item index where a reference page ended, with its token)
 * at least one small page before it, a hop of one page sized to land a small page before the point
 * (so that reaching it costs one call, not one per item), and {@link SEGMENT_SLACK} small pages from
 * there: page boundaries either side of the point. A point less than a small page from the start is
 * the start segment's.
 */
function planOf(cuts: readonly number[], points: readonly number[], page: number, bounds: { min: number; max: number }): Planned[] {
  const plan = new Map<string, Planned>();
  for (const p of points) {
    let cut = 0;
    for (const c of cuts) if (c <= p - page) cut = c;
    if (cut === 0) continue;
    const hop = Math.min(bounds.max, p - page - cut);
    const planned = { cut, hop: hop >= bounds.min ? hop : 0, pages: SEGMENT_SLACK };
    plan.set(`${planned.cut}/${planned.hop}`, planned);
  }
  return [...plan.values()].sort((a, b) => a.cut - b.cut || a.hop - b.hop);
}

/** The reference's cuts: after each of its pages that issued a token, the items listed so far, and the token. */
function cutsOf(reference: Walk): { at: number; token: string }[] {
  const cuts: { at: number; token: string }[] = [];
  let at = 0;
  for (const page of reference.pages) {
    at += page.items.length;
    if (page.nextToken) cuts.push({ at, token: page.nextToken });
  }
  return cuts;
}

/** Whether page `page` of `w` (one asked for with a token issued under another page size) was refused as an invalid request. */
export function refusedToken(w: Walk, page = 1): boolean {
  const o = w.outcome;
  return o.kind === 'error' && o.page === page && o.call.status === 400;
}

/** Remembers for the run that `request`'s parent refused a token issued under another page size: its walks are whole from now on. */
export function rememberRefusal(ctx: CheckContext, request: ListRequest): void {
  memoryOf(ctx).whole.add(keyOf(profileOf(ctx), request));
}

/** Options of {@link walkAtSize}. */
export interface SizedOptions {
  maxPages: number;
  /** The scenario's draw of random points (0 when absent). */
  sample?: number;
  /**
   * Walk the reference afresh, not the run's latest: where the reference's listing is compared with
   * walks made just before or after it (a bracket needs a reference of its own time).
   */
  freshReference?: boolean;
  /**
   * Where the walk is sampled, or is the reference (at the largest size), its reference must have
   * been begun after this walk ended (the property's latest is walked again when it was not): where
   * the listing is compared with a walk made before it (filter.honoured's unfiltered one). A small
   * parent at another size costs no more: the latest still tells whether to sample.
   */
  after?: Walk;
}

/**
 * Walks `request` (its page size included) whole, or, in observational mode on a parent too large to
 * walk whole at its page size, sampled. Whether a parent is too large is read off what the run's walks
 * showed: off the reference (the walk at the largest page size of the same parent and filter), walked
 * first: one call for a small parent, and a large one needs it anyway (a probe at the small size
 * would walk {@link SAMPLE_ABOVE_PAGES} pages in a chain first).
 */
export async function walkAtSize(ctx: CheckContext, request: ListRequest, options: SizedOptions): Promise<SizedWalk> {
  const profile = profileOf(ctx);
  const parts = partsOf(profile, request as Readonly<Record<string, unknown>>);
  const whole = async (): Promise<SizedWalk> => ({ kind: 'whole', walk: await walk(ctx, request, { maxPages: options.maxPages }) });
  const key = keyOf(profile, request);
  const memory = memoryOf(ctx);
  const refused = () => {
    memory.whole.add(key);
    return whole();
  };
  if (ctx.mode !== 'observational' || memory.whole.has(key) || options.maxPages <= SAMPLE_ABOVE_PAGES) return whole();
  // The parent's size at this filter, read off its reference (walked once per property: checks side by side share it);
  // only this key's own reference decides, so that the calls a property makes never hang on which of its runs finished first.
  let reference = options.freshReference ? await referenceWalk(ctx, request, options.maxPages) : await sharedReference(ctx, request, options.maxPages);
  if (reference.outcome.kind !== 'complete') return whole();
  const listed = walkedItems(reference).length;
  // At the largest size the walk is the reference: the same request, walked whole; walking it again would repeat its pages
  // (unless it must be of a later time than `after`).
  if (parts.pageSize === profile.pageBounds.max) return { kind: 'whole', walk: walkedAfter(ctx, reference, options.after) ? reference : await referenceWalk(ctx, request, options.maxPages) };
  if (listed <= sampledAbove(listed) * (parts.pageSize ?? 1)) return whole();
  // The start: the first pages at the small size (and, with no page size asked for, the server's default).
  const startLimit = SEGMENT_SLACK;
  const start = await walk(ctx, request, { maxPages: startLimit, partial: true });
  const page = parts.pageSize ?? Math.max(1, ...start.pages.map((p) => p.items.length));
  if (listed <= sampledAbove(listed) * page) return whole();
  if (!walkedAfter(ctx, reference, options.after)) {
    reference = await referenceWalk(ctx, request, options.maxPages);
    if (reference.outcome.kind !== 'complete') return whole();
  }
  const items = walkedItems(reference);
  const plan = planOf(
    cutsOf(reference).map((c) => c.at),
    pointsOf(profile, items, (options.sample ?? 0) + 7919 * (parts.pageSize ?? 0)),
    page,
    profile.pageBounds,
  );
  const first: Segment = { at: 0, limit: startLimit, pageSize: parts.pageSize, walk: start, again: () => walk(ctx, request, { maxPages: startLimit, partial: true }) };
  const segments = await walkSegments(ctx, request, reference, plan, first);
  if (!segments) return refused();
  recordSampled(ctx.coverage, segments.reduce((n, s) => n + s.walk.pages.length, 0) - Math.min(1, start.pages.length));
  return { kind: 'sampled', reference, segments };
}

/**
 * Walks the planned segments of `request` from the reference's cuts, after `first` (the start): each
 * a hop (when planned) and its pages at the small size. Undefined when the target refused a token
 * issued under another page size.
 */
async function walkSegments(ctx: CheckContext, request: ListRequest, reference: Walk, plan: readonly Planned[], first: Segment): Promise<Segment[] | undefined> {
  const profile = profileOf(ctx);
  const cuts = cutsOf(reference);
  const segments: Segment[] = [first];
  let indexed: Map<string, number> | undefined;
  const positions = () => (indexed ??= new Map(walkedItems(reference).map((e, i) => [itemId(profile, e), i])));
  // Walks `limit` pages of `shape` from `token` at item `at`; false when the token was refused.
  const segment = async (at: number, token: string, limit: number, shape: ListRequest): Promise<Segment | false> => {
    const again = () => walk(ctx, { ...shape, [profile.token]: token }, { maxPages: limit, partial: true });
    const w = await again();
    if (refusedToken(w)) return false;
    const s: Segment = { at, limit, pageSize: partsOf(profile, shape as Readonly<Record<string, unknown>>).pageSize, walk: w, again };
    segments.push(s);
    return s;
  };
  for (const planned of plan) {
    const cut = cuts.find((c) => c.at === planned.cut);
    if (!cut) continue;
    let from = { at: cut.at, token: cut.token };
    if (planned.hop > 0) {
      const hop = await segment(cut.at, cut.token, 1, { ...request, [profile.pageSize]: planned.hop });
      if (hop === false) return undefined;
      const token = hop.walk.pages[0]?.nextToken;
      // A hop that ended the listing or failed is judged as it is: nothing to resume.
      if (hop.walk.pages.length !== 1 || !token) continue;
      // The point is after the hop's last item as the reference lists it: on a parent that moves, items may have come or
      // gone (a filtered listing gains and loses items that change state) ahead of it since the reference was walked.
      const last = hop.walk.pages[0].items.at(-1);
      const listedAt = last === undefined ? undefined : positions().get(itemId(profile, last));
      from = { at: listedAt === undefined ? cut.at + hop.walk.pages[0].items.length : listedAt + 1, token };
    }
    if ((await segment(from.at, from.token, planned.pages, request)) === false) return undefined;
  }
  return segments;
}

/**
 * Walks `request` whole at the largest page size (a sampled walk's reference) and, when it completed,
 * remembers it for the run's later sampled walks of the same parent and filter.
 */
export async function referenceWalk(ctx: CheckContext, request: ListRequest, maxPages: number): Promise<Walk> {
  const profile = profileOf(ctx);
  const memory = memoryOf(ctx);
  const begun = ++memory.clock;
  const w = await walk(ctx, { ...request, [profile.pageSize]: profile.pageBounds.max }, { maxPages });
  memory.times.set(w, { begun, ended: ++memory.clock });
  if (w.outcome.kind === 'complete') memory.references.set(keyOf(profile, request), w);
  else memory.whole.add(keyOf(profile, request));
  return w;
}

/**
 * Whether the property's reference walk `w` was begun after `after` ended, on its memory's clock (any
 * walk is, where there is no `after`; a walk that is not one of its reference walks never is).
 */
function walkedAfter(ctx: CheckContext, w: Walk, after: Walk | undefined): boolean {
  if (after === undefined) return true;
  const times = memoryOf(ctx).times;
  return (times.get(w)?.begun ?? 0) > (times.get(after)?.ended ?? Number.POSITIVE_INFINITY);
}

/**
 * The run's latest complete reference walk of `request`'s parent and filter, or the one being walked
 * now, or one walked now: checks side by side (the pool runs several) wait for one walk rather than
 * each walking its own (a 5,000-item parent is 50 calls a walk). One another check walked that did not
 * complete (its share of the calls ran out, say) is not this check's to judge: it walks its own.
 */
export function sharedReference(ctx: CheckContext, request: ListRequest, maxPages: number): Promise<Walk> {
  const memory = memoryOf(ctx);
  const key = keyOf(profileOf(ctx), request);
  const cached = memory.references.get(key);
  if (cached) return Promise.resolve(cached);
  const walking = memory.walking.get(key);
  if (walking) return walking.then((w) => (w.outcome.kind === 'complete' ? w : referenceWalk(ctx, request, maxPages)));
  const mine = referenceWalk(ctx, request, maxPages);
  memory.walking.set(key, mine);
  const done = () => memory.walking.delete(key);
  void mine.then(done, done);
  return mine;
}

/**
 * The boundary sweep's basis of `request`'s parent and filter: the run's latest reference walk when
 * it has one, else one walked now; the same walk for every case of the sweep (cases side by side
 * wait for the one walk), so that the boundaries they count are those of one listing. A basis that
 * did not complete is not kept: the next case walks again.
 */
export function sweepBasis(ctx: CheckContext, request: ListRequest, maxPages: number): Promise<Walk> {
  const memory = memoryOf(ctx);
  const key = keyOf(profileOf(ctx), request);
  let basis = memory.bases.get(key);
  if (!basis) {
    basis = sharedReference(ctx, request, maxPages);
    memory.bases.set(key, basis);
    void basis.then((w) => w.outcome.kind === 'complete' || memory.bases.delete(key), () => memory.bases.delete(key));
  }
  return basis;
}
