// How a declared request becomes a query string and a body.
import type { FileContent, FormValue, QueryValue, RequestSpec } from './rest-client.js'

/**
 * Encodes a query object: `undefined` and `null` are dropped, booleans become `true`/`false`, and arrays are
 * comma-joined (`comma`) or sent as one `key=value` pair per item (`repeat`). Exported for tests and for building URLs
 * outside requests (authorize URLs).
 */
export function encodeQuery(
  query: Readonly<Record<string, QueryValue>> | undefined,
  arrays: 'comma' | 'repeat' = 'comma',
): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    if (!Array.isArray(value)) params.append(key, String(value))
    else if (arrays === 'comma') params.append(key, value.join(','))
    else for (const item of value) params.append(key, String(item))
  }
  return params.toString()
}

function formString(value: FormValue): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function toBlob(content: FileContent, contentType: string | undefined): Blob {
  if (content instanceof Blob) return content
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content)
  return new Blob([part], contentType ? { type: contentType } : {})
}

/** Encodes whichever body the spec carries, with its content type (none for multipart: fetch adds the boundary). */
export function encodeBody(spec: RequestSpec): {
  body: BodyInit | undefined
  contentType: string | undefined
} {
  if (spec.json !== undefined)
    return { body: JSON.stringify(spec.json), contentType: 'application/json' }
  if (spec.form !== undefined) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(spec.form)) {
      const s = formString(value)
      if (s !== undefined) params.append(key, s)
    }
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' }
  }
  if (spec.multipart !== undefined) {
    const form = new FormData()
    for (const [key, value] of Object.entries(spec.multipart)) {
      if (value === undefined || value === null) continue
      if (typeof value === 'object')
        form.append(key, toBlob(value.file, value.contentType), value.filename ?? key)
      else form.append(key, String(value))
    }
    return { body: form, contentType: undefined }
  }
  return { body: undefined, contentType: undefined }
}
