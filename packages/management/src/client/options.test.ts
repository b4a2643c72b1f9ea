// ManagementClient's options: node-auth0's names and ours, every problem listed in one OptionsError.
import { isOptionsError, type OptionsError } from '@auth0-ts/core'
import { describe, expect, it } from 'vitest'
import { ManagementClient } from './management-client.js'
import type { ManagementClientOptions } from './options.js'

const problemsOf = (options: unknown): string[] => {
  try {
    new ManagementClient(options as ManagementClientOptions)
  } catch (e) {
    expect(isOptionsError(e)).toBe(true)
    expect((e as Error).message).toMatch(/^Invalid ManagementClient options:/)
    return (e as OptionsError).problems as string[]
  }
  throw new Error('no OptionsError')
}

describe('ManagementClient options', () => {
  it('take a token, or a client id and secret, with node-auth0’s other options and ours', () => {
    const token = () => 'T'
    expect(() => new ManagementClient({ domain: 't.example.com', token })).not.toThrow()
    const all: ManagementClientOptions = {
      domain: 't.example.com:8443',
      clientId: 'id',
      clientSecret: 'secret',
      audience: 'https://t.example.com/api/v2/',
      timeoutInSeconds: 10,
      maxRetries: 2,
      maxRetryDelay: 5000,
      headers: { 'x-a': 'a' },
      fetch: (input, init) => fetch(input, init),
      withCustomDomainHeader: 'login.example.com',
      telemetry: false,
      clientInfo: { name: 'my-app', version: '1.0.0' },
      rateLimiter: false,
      tokenCache: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
      protocol: 'http',
    }
    const client = new ManagementClient(all)
    expect(client.rest.options).toMatchObject({
      timeout: 10_000,
      retries: 2,
      maxRetryDelay: 5000,
      telemetry: false,
    })
    expect(
      new ManagementClient({ domain: 't.example.com', token: 'T', timeout: 250, retries: 0 }).rest
        .options,
    ).toMatchObject({ timeout: 250, retries: 0 })
  })

  it('list every problem at once, by path', () => {
    expect(
      problemsOf({
        domain: 'https://t.example.com',
        token: '',
        timeout: 1,
        timeoutInSeconds: 1,
        maxRetries: 'many',
        headers: { 'x-a': 1 },
        colour: 'red',
        withCustomDomainHeader: '',
      }),
    ).toEqual([
      'token: expected a non-empty string or a function that returns one',
      'maxRetries: expected a finite number',
      'headers: expected an object of strings, or of functions returning one',
      'withCustomDomainHeader: expected a non-empty string',
      expect.stringMatching(/^domain: expected a host name/),
      'timeout, timeoutInSeconds: give one of them',
      'colour: unknown option',
    ])
  })

  it('need a token or a client id with its secret, not both', () => {
    expect(problemsOf({ domain: 't.example.com' })).toEqual([
      'token: is required (or clientId and clientSecret)',
    ])
    expect(problemsOf({ domain: 't.example.com', clientId: 'id' })).toEqual([
      'clientSecret: is required with clientId',
    ])
    expect(
      problemsOf({ domain: 't.example.com', token: 'T', clientId: 'id', clientSecret: 's' }),
    ).toEqual(['token: give a token, or clientId and clientSecret, not both'])
    expect(problemsOf({ domain: 't.example.com', token: 'T', audience: 'a' })).toEqual([
      'audience: only used with clientId and clientSecret',
    ])
    expect(problemsOf(undefined)).toContain('(root): expected an object')
  })

  it('refuse clientAssertionSigningKey, saying how to pass authentication’s provider as token', () => {
    const problems = problemsOf({
      domain: 't.example.com',
      clientId: 'id',
      clientAssertionSigningKey: 'KEY',
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^clientAssertionSigningKey: not supported here/)
    expect(problems[0]).toContain('@auth0-ts/authentication')
    expect(problems[0]).toContain(
      'token: createTokenProvider({ domain, clientId, clientAssertionSigningKey',
    )
    expect(problems[0]).not.toContain('KEY')
  })

  it('never show the client secret in a problem', () => {
    const problems = problemsOf({
      domain: 'bad domain',
      clientId: 'id',
      clientSecret: 'SECRET-123',
    })
    expect(problems.join('\n')).not.toContain('SECRET-123')
  })
})
