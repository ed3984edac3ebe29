/**
 * A made-up list operation, ListWidgets, as a profile with its own schemas (objects, not files of
 * schemas/): a shelf's widgets, newest first by the nested `Status.AddedDateTime` in epoch seconds,
 * filtered by `StateFilter` on `Status.State`, the parent not echoed, no SDK command. Nothing in it is
 * ListExecutors', so code that still assumes ListExecutors shows against it.
 *
 * The one ListWidgets of the tests (issue 21, item 6): the tests that need another one (the widgets
 * endpoint, the model's, the reproducer's) build it from {@link LIST_WIDGETS_SPEC} and
 * {@link WIDGET_SCHEMAS} with {@link withMembers}, and say why theirs differs.
 */
import { defineProfile, type ProfileSpec } from '../../src/profiles/index.js';
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

/** The schemas of ListWidgets: request, response, widget and the widget's state. */
export const WIDGET_SCHEMAS = { request, response, item: widget, refs: [state] } satisfies ProfileSpec['schemas'];

/** What a ListWidgets profile states beside its schemas: its name, members, ordering key, law and CLI words. */
export const LIST_WIDGETS_SPEC = {
  operation: 'ListWidgets',
  amzTarget: 'AmazonAthena.ListWidgets',
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
} as const satisfies Omit<ProfileSpec, 'schemas'>;

/** ListWidgets: a shelf's widgets, newest first by `Status.AddedDateTime` (epoch seconds). */
export const LIST_WIDGETS = defineProfile({ ...LIST_WIDGETS_SPEC, schemas: WIDGET_SCHEMAS });

/**
 * `schema` with its `$id` and members changed: a member given a schema gets that one (added after
 * the others when new), a member given `undefined` is dropped; `extra` replaces other keywords
 * (`required`, say). For a variant of a ListWidgets schema that keeps the rest.
 */
export function withMembers(schema: JsonSchema, $id: string, members: Record<string, JsonSchema | undefined>, extra: Omit<JsonSchema, '$id' | 'properties'> = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...schema.properties };
  for (const [name, member] of Object.entries(members)) {
    if (member === undefined) delete properties[name];
    else properties[name] = member;
  }
  return { ...schema, ...extra, $id, properties };
}
