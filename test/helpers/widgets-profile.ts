/**
 * A made-up list operation, ListWidgets, as a profile with its own schemas (objects, not files of
 * schemas/): a shelf's widgets, newest first by the nested `Status.AddedDateTime` in epoch seconds,
 * filtered by `StateFilter` on `Status.State`, the parent not echoed, no SDK command. Nothing in it is
 * ListExecutors', so code that still assumes ListExecutors shows against it.
 */
import { defineProfile } from '../../src/profiles/index.js';
import type { JsonSchema } from '../../src/schema/load.js';

const state: JsonSchema = { $id: 'widget-state', type: 'string', enum: ['NEW', 'READY', 'RETIRED'] };

const widget: JsonSchema = {
  $id: 'widget',
  type: 'object',
  required: ['WidgetId', 'Status'],
  properties: {
    WidgetId: { type: 'string', minLength: 1, maxLength: 128 },
    Name: { type: 'string', maxLength: 40 },
    Status: {
      type: 'object',
      required: ['State'],
      properties: { State: { $ref: 'widget-state' }, AddedDateTime: { type: 'number' } },
    },
    Size: { type: 'integer', minimum: 1, maximum: 10 },
  },
};

const request: JsonSchema = {
  $id: 'list-widgets-request',
  type: 'object',
  required: ['ShelfId'],
  properties: {
    ShelfId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' },
    StateFilter: { $ref: 'widget-state' },
    MaxResults: { type: 'integer', minimum: 1, maximum: 50 },
    NextToken: { type: 'string', minLength: 0, maxLength: 1024 },
  },
};

const response: JsonSchema = {
  $id: 'list-widgets-response',
  type: 'object',
  properties: {
    Widgets: { type: 'array', items: { $ref: 'widget' } },
    NextToken: { type: 'string' },
  },
};

/** ListWidgets: a shelf's widgets, newest first by `Status.AddedDateTime` (epoch seconds). */
export const LIST_WIDGETS = defineProfile({
  operation: 'ListWidgets',
  amzTarget: 'AmazonAthena.ListWidgets',
  schemas: { request, response, item: widget, refs: [state] },
  parent: { member: 'ShelfId', noun: 'shelf', route: 'shelves', seedMember: 'widgets' },
  items: 'Widgets',
  id: 'WidgetId',
  itemNoun: 'widget',
  orderKey: { path: ['Status', 'AddedDateTime'], unit: 'epoch-seconds' },
  filter: { member: 'StateFilter', itemPath: ['Status', 'State'] },
  pageSize: 'MaxResults',
  token: 'NextToken',
  unknownParentLaw: 'errors.unknown-shelf',
  awsCli: { command: 'list-widgets', parentFlag: 'shelf-id', filterFlag: 'state-filter' },
});
