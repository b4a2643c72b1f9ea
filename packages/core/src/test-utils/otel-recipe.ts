import { SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api'
import type { RequestHooks } from '../index.js'

/** One span per call, named by its method and path template, with one event per retry. */
export function tracingHooks(tracer: Tracer): RequestHooks {
  const spans = new Map<number, Span>()
  const end = (callId: number, status: number, requestId?: string, errorCode?: string) => {
    const span = spans.get(callId)
    if (!span) return
    spans.delete(callId)
    if (status > 0) span.setAttribute('http.response.status_code', status)
    if (requestId) span.setAttribute('auth0.request_id', requestId)
    if (errorCode) span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode })
    span.end()
  }
  return {
    onRequest: (e) => {
      if (spans.has(e.callId)) return // a retry or a redirect of a call already traced
      const attributes = {
        'http.request.method': e.method,
        'url.path': e.path,
        'url.template': e.pathTemplate,
      }
      spans.set(e.callId, tracer.startSpan(`${e.method} ${e.pathTemplate}`, { attributes }))
    },
    onRetry: (e) => {
      spans.get(e.callId)?.addEvent('retry', {
        'auth0.retry.reason': e.reason,
        'auth0.retry.wait_ms': e.waitMs,
        'http.response.status_code': e.status,
      })
    },
    onResponse: (e) => end(e.callId, e.status, e.requestId),
    onError: (e) => end(e.callId, e.status, e.requestId, e.errorCode),
  }
}
