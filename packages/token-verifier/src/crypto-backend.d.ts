// The type of the package's `#crypto-backend` import (package.json "imports"), which resolves only to built files:
// `backend.node.ts` under the `node` condition, `backend.web.ts` otherwise. Both are checked against
// `CryptoBackend` where they are defined, and against this declaration in index.test-d.ts.
declare module '#crypto-backend' {
  // An ambient module cannot `import` a relative path; an import type can.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const cryptoBackend: import('./backend.js').CryptoBackend
}
