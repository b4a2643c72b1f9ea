// `Management`, as node-auth0 v7 exports it: every request and response type under node-auth0's names, and its
// per-status error classes.
export type * from '../generated/types.js'
export {
  ManagementError,
  ManagementTimeoutError,
  BadRequestError,
  UnauthorizedError,
  PaymentRequiredError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  GoneError,
  PreconditionFailedError,
  ContentTooLargeError,
  UnprocessableEntityError,
  TooManyRequestsError,
  InternalServerError,
  ServiceUnavailableError,
  GatewayTimeoutError,
} from './errors.js'
