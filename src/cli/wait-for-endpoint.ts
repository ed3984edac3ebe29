/**
 * `verify --wait-for-endpoint S`: before the run, wait until something answers HTTP at the endpoint,
 * so a script may start an emulator in the background and verify it at once. Any HTTP answer counts
 * (a 404 too): the run itself judges what answers; this only waits for it to listen.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TargetError } from '../common/errors.js';

/** Milliseconds between attempts, and the most one attempt may take. */
const RETRY_MS = 100;
const ATTEMPT_MS = 1000;

/** One GET of `url`: null when anything answered, else why not (the error code, or `timeout`). */
function probe(url: URL): Promise<string | null> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', timeout: ATTEMPT_MS, agent: false }, (res) => {
      res.resume();
      resolve(null);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });
}

/**
 * Resolves once `url` answers HTTP; throws a TargetError of one line (exit 2) when nothing has
 * answered within `seconds`, with the last attempt's reason. A URL that is not http(s) resolves at
 * once, for the run to reject in its own words.
 */
export async function waitForEndpoint(url: string, seconds: number): Promise<void> {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return;
  const target = new URL(url);
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const reason = await probe(target);
    if (reason === null) return;
    if (Date.now() + RETRY_MS > deadline)
      throw new TargetError(`--wait-for-endpoint: nothing answered at ${url} within ${seconds} s (${reason}); start the endpoint first, or wait longer`);
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}
