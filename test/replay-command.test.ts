/**
 * Replay commands say, in the CLI's own words, how to see one counterexample again, for every kind
 * of target, and only with flags that the target's mode accepts.
 */
import { describe, expect, it } from 'vitest';
import { parseVerifyArgs } from '../src/cli/verify-command.js';
import { replayCommandFor } from '../src/app/replay-command.js';

const failure = { id: 'ordering.newest-first', seed: 42, path: '3:0:1' };

describe('replay commands', () => {
  it('for the built-in emulator with a fault: the fault, the property, the seed and the path', () => {
    expect(replayCommandFor({ faults: ['oldest-first'] })(failure)).toBe('npx athena-contract verify --fault oldest-first --only ordering.newest-first --seed 42 --path 3:0:1');
  });

  it('for an endpoint: its URL and mode, shell-quoted where needed', () => {
    expect(replayCommandFor({ endpoint: 'http://127.0.0.1:4566', sessionIds: ["it's"], region: 'eu-west-1' })(failure)).toBe(
      "npx athena-contract verify --endpoint http://127.0.0.1:4566 --session-id 'it'\\''s' --region eu-west-1 --only ordering.newest-first --seed 42 --path 3:0:1",
    );
  });

  it('for a recording: only the directory and the property, since the cassettes fix the seed and runs', () => {
    const command = replayCommandFor({ replay: 'recordings/live aws' })(failure);
    expect(command).toBe("npx athena-contract verify --replay 'recordings/live aws' --only ordering.newest-first");
    expect(parseVerifyArgs(['--replay', 'recordings/live aws', '--only', 'ordering.newest-first']).options).toMatchObject({ replay: 'recordings/live aws' });
  });

  it('for a live run that started its own session: a fresh session in the same workgroup', () => {
    expect(replayCommandFor({ live: { workGroup: 'spark' } })(failure)).toBe('npx athena-contract verify --live --workgroup spark --only ordering.newest-first --seed 42 --path 3:0:1');
  });
});
