import { describe, expect, it } from 'vitest'
import { operations } from '../generated/operations.js'
import { Shapes } from '../schema/shapes.js'
import { plan } from './plan.js'

const planned = plan(operations, new Shapes())
const behaviour = (id: string) => planned.behaviours.get(id)

describe('plan', () => {
  it('plans every operation', () => {
    expect(planned.behaviours.size).toBe(operations.length)
  })

  it.each([
    ['actions.create', { kind: 'create', collection: '/actions/actions' }],
    ['actions.get', { kind: 'read', collection: '/actions/actions', param: 'id' }],
    ['actions.update', { kind: 'merge', collection: '/actions/actions', param: 'id' }],
    ['networkAcls.set', { kind: 'replace', collection: '/network-acls', param: 'id' }],
    ['actions.delete', { kind: 'remove', collection: '/actions/actions', param: 'id' }],
    [
      'users.authenticationMethods.set',
      { kind: 'replaceAll', collection: '/users/{}/authentication-methods' },
    ],
    ['userGrants.deleteByUserId', { kind: 'removeAll', collection: '/grants' }],
    ['roles.groups.create', { kind: 'link', collection: '/roles/{}/groups' }],
    ['tenants.settings.update', { kind: 'document', shape: 'GetTenantSettingsResponseContent' }],
    ['tickets.changePassword', { kind: 'action' }],
    ['jobs.usersExports.create', { kind: 'action', into: '/jobs' }],
    ['clients.rotateSecret', { kind: 'action', subject: { collection: '/clients', param: 'id' } }],
    ['organizations.search', { kind: 'list', collection: '/organizations' }],
  ])('%s → %j', (id, expected) => {
    expect(behaviour(id)).toEqual(expected)
  })

  it('finds each collection’s id field, parents and noun', () => {
    expect(planned.collections.get('/users/{}/authentication-methods')).toMatchObject({
      parents: ['/users'],
      idKey: 'id',
      noun: 'authentication_method',
      lookupOnly: false,
    })
    expect(planned.collections.get('/clients')).toMatchObject({ idKey: 'client_id' })
    expect(planned.collections.get('/email-templates')).toMatchObject({ idKey: 'template' })
    expect(planned.collections.get('/keys/signing')).toMatchObject({ idKey: 'kid' })
    expect(planned.collections.get('/jobs')).toMatchObject({ lookupOnly: true })
    expect(planned.collections.get('/organizations/{}/members')).toMatchObject({
      link: { field: 'members', target: '/users' },
    })
  })

  it('lists the records a path names that must exist', () => {
    expect(planned.parents.get('organizations.members.effectiveRoles.list')).toEqual([
      { collection: '/organizations', param: 'id' },
      { collection: '/organizations/{}/members', param: 'user_id' },
    ])
    expect(planned.parents.get('actions.versions.get')).toEqual([
      { collection: '/actions/actions', param: 'actionId' },
    ])
  })
})
