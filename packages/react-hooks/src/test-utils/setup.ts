// Waits in findBy*/waitFor get 5 s instead of 1 s: CI runs every package's tests at once on 2 cores, and a debounced
// search plus a proxied request can take over a second there. A passing wait returns as soon as its check passes.
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 5000 })
