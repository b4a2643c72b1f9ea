// Small synthetic definitions for the tests: a few operations written the way Auth0's definition writes them.
import type { AddedOperation, JsonSchema, OasDocument, Overrides } from './model.js'

export const noOverrides: Overrides = { queryDefaults: {}, extraQuery: {}, typeNames: {} }
export const noAdditions: {
  schemas: Record<string, JsonSchema>
  operations: readonly AddedOperation[]
} = {
  schemas: {},
  operations: [],
}

type Op = Record<string, unknown>

/** One operation: the annotations every operation of the definition has, over `extra`. */
export function op(group: string | string[], name: string, extra: Op = {}): Op {
  return {
    summary: `Summary of ${name}: prose that must never reach the output`,
    description: `A long description of the ${name} operation, which the generator must not copy.`,
    'x-operation-group': group,
    'x-operation-name': name,
    'x-release-lifecycle': 'GA',
    security: [{ bearerAuth: [] }, { oAuth2ClientCredentials: [`read:${name}`] }],
    responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } },
    ...extra,
  }
}

export const pathParam = (name: string, schema: JsonSchema = { type: 'string' }): Op => ({
  name,
  in: 'path',
  required: true,
  description: `The ${name} path parameter, described at length so the leak test can find it.`,
  schema,
})

export const queryParam = (name: string, schema: JsonSchema, required = false): Op => ({
  name,
  in: 'query',
  ...(required ? { required: true } : {}),
  description: `The ${name} query parameter, described at length so the leak test can find it.`,
  schema,
})

export const json = (schema: JsonSchema): Op => ({
  content: { 'application/json': { schema }, 'application/x-www-form-urlencoded': { schema } },
})

export const ok = (schema: JsonSchema, status = '200'): Op => ({
  [status]: {
    description: 'Success, described in a sentence long enough to check.',
    content: { 'application/json': { schema } },
  },
})

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

export function definition(
  paths: Record<string, Record<string, Op>>,
  schemas: Record<string, JsonSchema> = {},
): OasDocument {
  return { openapi: '3.1.0', paths, components: { schemas } } as unknown as OasDocument
}

/** A small definition in the real one's style: users with roles, a paged list, a checkpoint list. */
export function smallDefinition(): OasDocument {
  const user: JsonSchema = {
    type: 'object',
    description: 'A user of the tenant, with the fields the API returns for them.',
    additionalProperties: true,
    properties: {
      user_id: { type: 'string', description: 'The ID of the user, as described by the docs.' },
      email: { type: 'string', format: 'email' },
      created_at: { type: 'string', format: 'date-time' },
      user_metadata: ref('UserMetadata'),
      blocked: { type: 'boolean' },
    },
  }
  return definition(
    {
      '/users': {
        get: op('users', 'list', {
          'x-operation-request-parameters-name': 'ListUsersRequestParameters',
          parameters: [
            queryParam('page', { type: 'integer', minimum: 0 }),
            queryParam('per_page', { type: 'integer' }),
            queryParam('include_totals', { type: 'boolean' }),
            queryParam('q', { type: 'string' }),
          ],
          responses: ok(ref('ListUsersResponseContent')),
        }),
        post: op('users', 'create', {
          parameters: [{ name: 'auth0-custom-domain', in: 'header', schema: { type: 'string' } }],
          requestBody: json(ref('CreateUserRequestContent')),
          responses: ok(ref('CreateUserResponseContent'), '201'),
        }),
      },
      '/users/{id}': {
        get: op('users', 'get', {
          parameters: [pathParam('id')],
          responses: ok(ref('GetUserResponseContent')),
        }),
        delete: op('users', 'delete', {
          parameters: [pathParam('id')],
          responses: { '204': { description: 'The user was deleted, as this long text says.' } },
        }),
      },
      '/users/{id}/roles': {
        get: op(['users', 'roles'], 'list', {
          'x-release-lifecycle': 'EA',
          'x-operation-request-parameters-name': 'ListUserRolesRequestParameters',
          parameters: [
            pathParam('id'),
            queryParam('from', { type: 'string' }),
            queryParam('take', { type: 'integer' }),
          ],
          responses: ok(ref('ListUserRolesResponseContent')),
        }),
      },
      '/roles/{role_id}/users/{user_id}': {
        delete: op(['roles', 'users'], 'delete', {
          parameters: [pathParam('user_id'), pathParam('role_id', ref('RoleIdEnum'))],
          responses: { '204': {} },
        }),
      },
    },
    {
      UserMetadata: { type: 'object', additionalProperties: true },
      UserResponseSchema: user,
      GetUserResponseContent: structuredClone(user),
      CreateUserResponseContent: structuredClone(user),
      CreateUserRequestContent: {
        type: 'object',
        additionalProperties: false,
        required: ['connection'],
        properties: {
          connection: { type: 'string' },
          email: { type: 'string' },
          user_metadata: ref('UserMetadata'),
        },
      },
      ListUsersResponseContent: {
        oneOf: [
          { type: 'array', items: ref('UserResponseSchema') },
          ref('ListUsersOffsetPaginatedResponseContent'),
        ],
      },
      ListUsersOffsetPaginatedResponseContent: {
        type: 'object',
        additionalProperties: false,
        properties: {
          start: { type: 'number' },
          limit: { type: 'number' },
          total: { type: 'number' },
          users: { type: 'array', items: ref('UserResponseSchema') },
        },
      },
      Role: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
      ListUserRolesResponseContent: {
        type: 'object',
        additionalProperties: false,
        properties: { roles: { type: 'array', items: ref('Role') }, next: { type: 'string' } },
      },
      RoleIdEnum: { type: 'string', enum: ['admin', 'viewer'] },
      Unused: { type: 'object', properties: { never: { type: 'string' } } },
    },
  )
}
