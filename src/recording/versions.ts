/**
 * The versions a cassette header names: this harness's and the AWS SDK's, read from their package
 * manifests so that a recording says exactly which code produced its requests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function versionOf(manifest: string): string {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The harness's version (package.json beside src/ or dist/). */
export function harnessVersion(): string {
  return versionOf(new URL('../../package.json', import.meta.url).pathname);
}

/** The version of @aws-sdk/client-athena in use. */
export function sdkVersion(): string {
  return versionOf(require.resolve('@aws-sdk/client-athena/package.json'));
}
