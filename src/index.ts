/**
 * The package's main entry point, `athena-executors-contract`: the emulator, `verify()` (the
 * programmatic form of `athena-contract verify`), the property catalogue as data, the report renderers,
 * the schemas' types and their validators. The vitest suite and the aws-sdk-client-mock handler have
 * their own entry points (`/vitest`, `/client-mock`), so that this one needs neither peer dependency.
 */
import { catalogue as properties, type PropertyId } from './contract/catalogue/index.js';
import type { Mode } from './common/results.js';

export { verify } from './app/verify.js';
export type { VerifyOptions, VerifyReport } from './app/verify.js';
export type { Report, PropertyReport, PropertyStatus, Counterexample } from './common/results.js';
export { exitCodeOf } from './contract/report/summary.js';
export type { RunListener } from './common/results.js';
export type { CheckStats, Mode, Warning, WarningKind } from './common/results.js';
export type { Exchange, WireRequest, WireResponse } from './wire/exchange.js';
export { mergeReports } from './contract/report/shard-merge.js';
export { renderJson } from './contract/report/formats/json.js';
export { renderJunit } from './contract/report/formats/junit.js';
export { renderMarkdown } from './contract/report/formats/markdown.js';
export { propertyIds, isPropertyId, type PropertyId } from './contract/catalogue/index.js';
/** The operations of the family a run, `contractSuite` or the Action can name (`ListExecutors`, `ListSessions`, `ListCalculationExecutions`). */
export { OPERATION_NAMES, type OperationName } from './profiles/index.js';

export { startEmulator, createEmulator, interceptAthena, createRequestHandler, FAULTS, FAULT_NAMES, isFaultName, DUMMY_CREDENTIALS } from './emulator/index.js';
export type { Emulator, EmulatorCore, EmulatorOptions, SessionSeedOption, ServerOptions, InterceptOptions, AthenaRequestHandler, FaultName, FaultInfo } from './emulator/index.js';

export { listExecutors, DEFAULT_PAGE_SIZE, DEFAULT_TOKEN_KEY } from './model/index.js';
export type { SessionStore, ModelError, ModelResult, ModelOptions } from './model/index.js';

export { validate, validatorFor, formatAjvError, type Validation } from './schema/validators.js';
export { loadSchema, schemaFiles, schemasDir, type SchemaFile, type JsonSchema } from './schema/load.js';
/** The types generated from the schemas: ListExecutors' request, response and item, its enums, its errors, the seeding body. */
export type * from './generated/athena.js';

/** One property of the catalogue as data: its stable id, its law in one sentence, the modes it runs in. */
export interface CatalogueEntry {
  readonly id: PropertyId;
  readonly law: string;
  readonly modes: readonly Mode[];
  /** Why the property is skipped in the modes it does not run in. */
  readonly skipReason?: string;
}

/**
 * The property catalogue as data, in report order: what a dashboard, a CI matrix or documentation
 * lists. The checks themselves stay internal; run them with {@link verify} or `contractSuite`.
 */
export const catalogue: readonly CatalogueEntry[] = Object.freeze(
  properties.map((p): CatalogueEntry =>
    Object.freeze({ id: p.id, law: p.law, modes: p.modes, ...(p.skipReason ? { skipReason: p.skipReason } : {}) }),
  ),
);
