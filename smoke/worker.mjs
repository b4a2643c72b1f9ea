// The workerd entry, bundled by smoke/bundle.mjs. GET /run?base=<url> runs the checks inside the worker and answers
// with their JSON result. It also asserts that no Node global is visible (compatibilityDate before nodejs_compat).
import { sdk } from './sdk.mjs'
import { noNodeGlobals, runChecks, summarize } from './checks.mjs'

export default {
  async fetch(request) {
    const url = new URL(request.url)
    if (url.pathname !== '/run') return new Response('ok')
    const label = url.searchParams.get('label') ?? 'workerd'
    const { results } = await runChecks(url.searchParams.get('base'), sdk, undefined, label)
    return Response.json(summarize(label, [noNodeGlobals(), ...results]))
  },
}
