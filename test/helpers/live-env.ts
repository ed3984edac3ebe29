/**
 * The preamble the live-mode tests share: the network closed but for loopback (nock), and the
 * environment the SDK reads (credentials, region, endpoint) set per test and restored after the file.
 */
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';

/** Credentials and a region for live runs against a local emulator (no real account's). */
export const LIVE_ENV = { AWS_ACCESS_KEY_ID: 'AKIDLIVETEST', AWS_SECRET_ACCESS_KEY: 'live-test-secret', AWS_REGION: 'eu-west-1' };

/**
 * Registers the file's hooks (loopback only, then the environment as it was) and returns `setEnv`,
 * which sets variables for the rest of the file, remembering each one's value before the first change.
 */
export function liveEnvironment(): (values: Record<string, string>) => void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    nock.enableNetConnect();
  });
  return (values) => {
    for (const [k, v] of Object.entries(values)) {
      if (!(k in saved)) saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
}
