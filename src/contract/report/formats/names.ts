/**
 * How every format names a property and a run's operations: a ListExecutors law by its id alone (as
 * reports did before a run could check several operations), any other as `Operation/id`, the words
 * `--only` takes; and the operations a report ran, for its header.
 */
import type { PropertyReport, Report } from '../../../common/results.js';
import { LIST_EXECUTORS } from '../../../profiles/index.js';
import { propertyKey } from '../../engine/seeds.js';
import { operationOf } from '../summary.js';

/** `ordering.newest-first` for ListExecutors' law, `ListSessions/ordering.newest-first` for another operation's. */
export function propertyName(p: Pick<PropertyReport, 'id' | 'operation'>): string {
  return propertyKey(p.id, p.operation);
}

/** The operations `report` ran: as it names them, else as its properties do (ListExecutors for a report of an older version). */
export function reportOperations(report: Pick<Report, 'operations' | 'properties'>): string[] {
  if (report.operations?.length) return report.operations;
  const named = [...new Set(report.properties.map(operationOf))];
  return named.length ? named : [LIST_EXECUTORS.operation];
}

/** Whether `report` ran ListExecutors alone: its formats then read as they did before there were several operations. */
export function listExecutorsOnly(report: Pick<Report, 'operations' | 'properties'>): boolean {
  const ops = reportOperations(report);
  return ops.length === 1 && ops[0] === LIST_EXECUTORS.operation;
}
