/**
 * A recording replayed offline, one test per property. A platform team records against AWS in a
 * nightly job (`athena-contract verify --live --record DIR`) and commits DIR; here the recording is
 * made from the built-in emulator first, so the example needs no AWS account.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from 'athena-executors-contract';
import { contractSuite } from 'athena-executors-contract/vitest';
import { afterAll } from 'vitest';

const recording = await mkdtemp(join(tmpdir(), 'listexecutors-recording-'));
await verify({ runs: 5, seed: 7, record: { dir: recording } });
afterAll(() => rm(recording, { recursive: true, force: true }));

contractSuite({ name: 'replayed recording', replay: recording });
