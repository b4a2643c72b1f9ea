import { describe, expect, it } from 'vitest'
import { operationTypes } from './emit-management.js'
import {
  definition,
  json,
  noAdditions,
  noOverrides,
  ok,
  op,
  pathParam,
  queryParam,
  ref,
} from './fixtures.js'
import {
  buildManifest,
  diffManifests,
  formatSummary,
  parseManifest,
  type Manifest,
} from './manifest.js'
import { buildModel, type JsonSchema, type OasDocument } from './model.js'

const manifestOf = (def: OasDocument): Manifest =>
  buildManifest(buildModel(def, noAdditions, noOverrides), operationTypes)

interface Shape {
  query?: Record<string, [JsonSchema, boolean]>
  body?: JsonSchema
  user?: JsonSchema
  scopes?: string[]
  extra?: boolean
}

/** A tenant API at one version: `GET /users`, `PATCH /users/{id}`, and `DELETE /users/{id}` unless dropped. */
function version(shape: Shape = {}): OasDocument {
  const query = shape.query ?? {
    q: [{ type: 'string' }, false],
    page: [{ type: 'integer' }, false],
  }
  const user = shape.user ?? {
    type: 'object',
    additionalProperties: false,
    required: ['user_id'],
    properties: {
      user_id: { type: 'string' },
      email: { type: 'string' },
      status: { type: 'string', enum: ['active', 'blocked'] },
    },
  }
  const body = shape.body ?? {
    type: 'object',
    additionalProperties: false,
    properties: { email: { type: 'string' }, blocked: { type: 'boolean' } },
  }
  const paths: Record<string, Record<string, Record<string, unknown>>> = {
    '/users': {
      get: op('users', 'list', {
        parameters: Object.entries(query).map(([n, [s, r]]) => queryParam(n, s, r)),
        'x-operation-request-parameters-name': 'ListUsersRequestParameters',
        responses: ok({ type: 'array', items: ref('User') }),
      }),
    },
    '/users/{id}': {
      patch: op('users', 'update', {
        parameters: [pathParam('id')],
        requestBody: json(ref('UpdateUserRequestContent')),
        responses: ok(ref('User')),
        ...(shape.scopes === undefined
          ? {}
          : { security: [{ oAuth2ClientCredentials: shape.scopes }] }),
      }),
      ...(shape.extra === false
        ? {}
        : {
            delete: op('users', 'delete', {
              parameters: [pathParam('id')],
              responses: { '204': {} },
            }),
          }),
    },
  }
  return definition(paths, { User: user, UpdateUserRequestContent: body })
}

const changes = (after: Shape) => diffManifests(manifestOf(version()), manifestOf(version(after)))
const whats = (after: Shape) =>
  changes(after).changed.map((c) => `${c.id}: ${c.what}${c.breaking ? ' [breaking]' : ''}`)

describe('the change summary', () => {
  it('reports nothing for the same definition', () => {
    expect(changes({})).toEqual({ initial: false, added: [], removed: [], changed: [] })
  })

  it('reports added and removed operations; a removal breaks users', () => {
    const s = diffManifests(manifestOf(version({ extra: false })), manifestOf(version()))
    expect(s.added).toEqual(['users.delete'])
    const r = diffManifests(manifestOf(version()), manifestOf(version({ extra: false })))
    expect(r.removed).toEqual(['users.delete'])
    expect(formatSummary(r)).toContain('  - users.delete  [breaking: removed]')
  })

  it('flags a removed query parameter and a newly required one as breaking', () => {
    expect(whats({ query: { q: [{ type: 'string' }, false] } })).toEqual([
      'users.list: query parameter page removed [breaking]',
    ])
    expect(
      whats({ query: { q: [{ type: 'string' }, true], page: [{ type: 'integer' }, false] } }),
    ).toEqual(['users.list: query parameter q is now required [breaking]'])
    expect(
      whats({
        query: {
          q: [{ type: 'string' }, false],
          page: [{ type: 'integer' }, false],
          sort: [{ type: 'string' }, false],
        },
      }),
    ).toEqual(['users.list: query parameter sort added'])
  })

  it('tells a narrowed request type (breaking) from a widened one', () => {
    const body = (blocked: JsonSchema): JsonSchema => ({
      type: 'object',
      additionalProperties: false,
      properties: { email: { type: 'string' }, blocked },
    })
    expect(whats({ body: body({ type: ['boolean', 'null'] }) })).toEqual([
      'users.update: request field blocked: boolean → boolean | null',
    ])
    expect(whats({ body: body({ type: 'boolean', enum: [true] }) })).toEqual([
      'users.update: request field blocked: boolean → true [breaking]',
    ])
  })

  it('flags a removed response field, one no longer always present, and a widened enum', () => {
    const user = (props: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
      type: 'object',
      additionalProperties: false,
      required,
      properties: props,
    })
    expect(
      whats({
        user: user(
          { user_id: { type: 'string' }, status: { type: 'string', enum: ['active', 'blocked'] } },
          ['user_id'],
        ),
      }),
    ).toEqual([
      'users.list: response field email removed [breaking]',
      'users.update: response field email removed [breaking]',
    ])
    expect(
      whats({
        user: user(
          {
            user_id: { type: 'string' },
            email: { type: 'string' },
            status: { type: 'string', enum: ['active', 'blocked'] },
          },
          [],
        ),
      }),
    ).toContain('users.update: response field user_id is now optional [breaking]')
    expect(
      whats({
        user: user(
          {
            user_id: { type: 'string' },
            email: { type: 'string' },
            status: { type: 'string', enum: ['active', 'blocked', 'gone'] },
          },
          ['user_id'],
        ),
      }),
    ).toContain(
      'users.update: response field status: "active" | "blocked" → "active" | "blocked" | "gone" [breaking]',
    )
  })

  it('flags a scope no longer accepted', () => {
    expect(whats({ scopes: ['update:users'] })).toEqual([
      'users.update: scopes no longer accepted: read:update [breaking]',
      'users.update: scopes now accepted: update:users',
    ])
  })

  it('prints a one-line count first, breaking changes before the rest', () => {
    const text = formatSummary(
      changes({ query: { sort: [{ type: 'string' }, false], q: [{ type: 'string' }, true] } }),
    )
    expect(text.split('\n')).toEqual([
      'operations: 0 added, 0 removed, 1 changed (2 breaking changes)',
      '  ~ users.list: query parameter q is now required  [breaking]',
      '  ~ users.list: query parameter page removed  [breaking]',
      '  ~ users.list: query parameter sort added',
    ])
  })

  it('treats a missing or foreign manifest as the first one', () => {
    expect(parseManifest(undefined)).toBeUndefined()
    expect(parseManifest('{"version":1,"operations":{}}')).toBeUndefined()
    const s = diffManifests(undefined, manifestOf(version()))
    expect(formatSummary(s)).toBe('operations: 3 (no committed manifest to compare with)')
  })

  it('records facts only: routes, parameters, types and scopes', () => {
    const m = manifestOf(version())
    expect(m.operations['users.update']).toEqual({
      route: 'PATCH /users/{id}',
      path: { id: 'string' },
      request: 'json',
      requestType: 'T.UpdateUserRequestContent',
      body: 'UpdateUserRequestContent',
      response: 'json',
      responseType: 'T.User',
      responseFields: 'User',
      scopes: ['read:update'],
      lifecycle: 'GA',
      source: 'definition',
    })
    expect(m.fields['User']).toEqual({
      user_id: 'string',
      'email?': 'string',
      'status?': '"active" | "blocked"',
    })
    expect(JSON.stringify(m)).not.toMatch(/described|prose/)
  })
})
