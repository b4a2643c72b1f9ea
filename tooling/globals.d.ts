// Replaced at build time (tsup `define`) and in tests (vitest `define`).
declare const __PKG_NAME__: string
declare const __PKG_VERSION__: string
