import type { RestClient } from '@auth0-ts/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { Auth0, Auth0Managers } from '../auth0.js'
import type { Connections } from '../resources/connections.js'
import type { Users } from '../resources/users.js'
import type * as groups from '../generated/index.js'
import type { Resource } from './resource.js'
import type { EventsClient, UsersClient } from './resources.js'
import type { ManagementClient, ManagementResources } from './management-client.js'
import type { ManagementClientOptions } from './options.js'

describe('ManagementResources', () => {
  it('has one member per group of the generated index, typed as the mapped Resource of that group', () => {
    expectTypeOf<keyof ManagementResources>().toEqualTypeOf<keyof typeof groups>()
    type Mapped = {
      readonly [K in keyof typeof groups]: K extends 'events'
        ? EventsClient
        : Resource<(typeof groups)[K]>
    }
    expectTypeOf<ManagementResources>().toEqualTypeOf<Mapped>()
    expectTypeOf<ManagementClient['users']>().toEqualTypeOf<UsersClient>()
  })

  it('is built with new and one options object', () => {
    expectTypeOf<typeof ManagementClient>().constructorParameters.toEqualTypeOf<
      [options: ManagementClientOptions]
    >()
    expectTypeOf<InstanceType<typeof ManagementClient>>().toEqualTypeOf<ManagementClient>()
  })
})

describe('Auth0Managers', () => {
  it('lists the 32 managers, each the instance of its class', () => {
    expectTypeOf<Auth0Managers['users']>().toEqualTypeOf<Users>()
    expectTypeOf<Auth0['connections']>().toEqualTypeOf<Connections>()
    expectTypeOf<Auth0['rest']>().toEqualTypeOf<RestClient>()
    expectTypeOf<keyof Auth0Managers>().toEqualTypeOf<
      | 'actions'
      | 'attackProtection'
      | 'blacklists'
      | 'branding'
      | 'clientCredentials'
      | 'clientGrants'
      | 'clients'
      | 'connections'
      | 'customDomains'
      | 'deviceCredentials'
      | 'emailTemplates'
      | 'emails'
      | 'grants'
      | 'guardian'
      | 'hooks'
      | 'jobs'
      | 'logStreams'
      | 'logs'
      | 'networkAcls'
      | 'organizations'
      | 'prompts'
      | 'resourceServers'
      | 'roles'
      | 'rulesConfigs'
      | 'rules'
      | 'selfServiceProfiles'
      | 'stats'
      | 'tenants'
      | 'tickets'
      | 'userBlocks'
      | 'usersByEmail'
      | 'users'
    >()
  })
})
