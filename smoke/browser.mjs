// The Chromium entry, bundled by smoke/bundle.mjs and served from the smoke server at /static/ (same origin as the
// API, and http://127.0.0.1 is a secure context, so crypto.subtle exists). The result lands in window.__smoke.
import { sdk } from './sdk.mjs'
import { noNodeGlobals, runChecks, summarize } from './checks.mjs'

const label = new URLSearchParams(location.search).get('label') ?? 'chromium'
const { results } = await runChecks(location.origin, sdk, undefined, label)
window.__smoke = summarize(label, [noNodeGlobals(), ...results])
