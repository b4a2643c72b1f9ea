// Lint fixture (never built, never run): check.mjs lints this file as if it sat in each package's src/ and expects
// exactly the imports that place forbids to be reported, each with its message.
import * as core from '@auth0-ts/core'
import * as coreInternal from '@auth0-ts/core/internal'
import * as authentication from '@auth0-ts/authentication'
import * as management from '@auth0-ts/management'
import * as tokenVerifier from '@auth0-ts/token-verifier'
import * as mockTenant from '@auth0-ts/mock-tenant'
import * as mockTenantSubpath from '@auth0-ts/mock-tenant/server'
import * as reactHooks from '@auth0-ts/react-hooks'
import * as reactHooksServer from '@auth0-ts/react-hooks/server'
import * as redis from '@auth0-ts/redis'
import * as react from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import * as reactDom from 'react-dom'
import * as reactDomClient from 'react-dom/client'
export * from '@auth0-ts/token-verifier'
export const lazyManagement = () => import('@auth0-ts/management')

export const modules = [
  core,
  coreInternal,
  authentication,
  management,
  tokenVerifier,
  mockTenant,
  mockTenantSubpath,
  reactHooks,
  reactHooksServer,
  redis,
  react,
  jsxRuntime,
  reactDom,
  reactDomClient,
]
