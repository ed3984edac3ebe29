/**
 * The versions a cassette header names: this harness's and the AWS SDK's, read from their package
 * manifests so that a recording says exactly which code produced its requests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageDir } from '../schema/package-dir.js';

// Resolved from the package's folder: the SDK copy it was installed with (the user's, a peer dependency).
const fromPackage = createRequire(join(packageDir, 'package.json'));

function versionOf(manifest: string): string {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The harness's version (package.json beside src/ or dist/). */
export function harnessVersion(): string {
  return versionOf(join(packageDir, 'package.json'));
}

/** The version of @aws-sdk/client-athena in use. */
export function sdkVersion(): string {
  return versionOf(fromPackage.resolve('@aws-sdk/client-athena/package.json'));
}
