export {
  createManagementClient,
  type ManagementClient,
  type ManagementClientOptions,
  type BrowserManager,
  type CallInit,
} from './client.js'
export {
  ManagementStore,
  queryKey,
  type Query,
  type QueryState,
  type ManagementStoreOptions,
} from './store.js'
export { Mutation, type MutationState, type MutationOptions } from './mutation.js'
export { ManagementProvider, useManagementStore, type ManagementProviderProps } from './provider.js'
export {
  useManagementQuery,
  useManagementList,
  useManagementMutation,
  type QueryOptions,
  type QueryResult,
  type ListOptions,
  type ListParams,
  type ListResult,
  type MutationResult,
} from './hooks.js'
export type { ErrorEnvelope, ErrorName } from './protocol.js'
export type {
  Management,
  Managers,
  MethodName,
  AccessorName,
  ManagerMethod,
  CallArgs,
  ProxyArgs,
  CallData,
  CallItem,
  CallName,
  DropLast,
  Last,
} from './types.js'
export {
  Auth0Error,
  RateLimitError,
  TimeoutError,
  NetworkError,
  isAuth0Error,
  isRateLimitError,
} from '@auth0-ts/core'
