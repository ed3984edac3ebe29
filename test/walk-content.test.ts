/**
 * How many pages bringing nothing new an observational walk may take: enough for a server that filters
 * after paging (one empty page per page of the session it reads), no more.
 */
import { describe, expect, it } from 'vitest';
import { addPage, BARREN_SLACK, barrenAllowance, emptyContent, mostListed, recordListed } from '../src/contract/catalogue/walk-content.js';
import { LIST_EXECUTORS, partsOf } from '../src/profiles/index.js';

const listed = (n: number) => {
  const content = emptyContent();
  addPage(content, 1, Array.from({ length: n }, (_, i) => `e-${i}`));
  return content;
};

/** A ListExecutors request as the walk reads it: its parts. */
const req = (request: Record<string, unknown>) => partsOf(LIST_EXECUTORS, request);

describe('barrenAllowance', () => {
  it('allows a filtered walk with MaxResults m one empty page per m executors of the session, plus the slack', () => {
    expect(barrenAllowance({ listed: 21 }, emptyContent(), req({ SessionId: 's', ExecutorStateFilter: 'FAILED', MaxResults: 10 }))).toBe(3 + BARREN_SLACK);
    expect(barrenAllowance({ listed: 21 }, emptyContent(), req({ SessionId: 's', ExecutorStateFilter: 'FAILED', MaxResults: 1 }))).toBe(21 + BARREN_SLACK);
  });

  it('allows one per executor where the server chooses the page size, or the walk is unfiltered', () => {
    expect(barrenAllowance({ listed: 21 }, emptyContent(), req({ SessionId: 's', ExecutorStateFilter: 'FAILED' }))).toBe(21 + BARREN_SLACK);
    expect(barrenAllowance({ listed: 21 }, emptyContent(), req({ SessionId: 's', MaxResults: 10 }))).toBe(21 + BARREN_SLACK);
  });

  it('without MaxResults, allows one per largest page an unfiltered walk without MaxResults got, which the default page size is at least', () => {
    expect(barrenAllowance({ listed: 21, defaultPage: 7 }, emptyContent(), req({ SessionId: 's', ExecutorStateFilter: 'FAILED' }))).toBe(3 + BARREN_SLACK);
    expect(barrenAllowance({ listed: 21, defaultPage: 7 }, emptyContent(), req({ SessionId: 's', ExecutorStateFilter: 'FAILED', MaxResults: 1 }))).toBe(21 + BARREN_SLACK);
    expect(barrenAllowance({ listed: 21, defaultPage: 7 }, emptyContent(), req({ SessionId: 's' }))).toBe(21 + BARREN_SLACK);
  });

  it('learns the default page only from unfiltered walks without MaxResults, keeping the largest page', () => {
    const bounds = { maxPages: 10, maxWalkMs: 1000 };
    recordListed(bounds, req({ SessionId: 's', MaxResults: 2 }), listed(9));
    expect(mostListed(bounds, 's')).toEqual({ listed: 9 });
    recordListed(bounds, req({ SessionId: 's', ExecutorStateFilter: 'FAILED' }), listed(30));
    expect(mostListed(bounds, 's')).toEqual({ listed: 9 });
    recordListed(bounds, req({ SessionId: 's' }), listed(6));
    recordListed(bounds, req({ SessionId: 's' }), listed(4));
    expect(mostListed(bounds, 's')).toEqual({ listed: 9, defaultPage: 6 });
  });

  it('counts what this walk listed when it is more than any earlier walk of the session', () => {
    expect(barrenAllowance(undefined, listed(40), req({ SessionId: 's', ExecutorStateFilter: 'FAILED', MaxResults: 10 }))).toBe(4 + BARREN_SLACK);
    expect(barrenAllowance({ listed: 5 }, listed(40), req({ SessionId: 's' }))).toBe(40 + BARREN_SLACK);
  });
});
