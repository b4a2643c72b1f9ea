// Formats generated files exactly as `prettier --check .` expects them: prettier with the repository's config.
import { join } from 'node:path'
import * as prettier from 'prettier'

export function prettierFormatter(root: string): (path: string, text: string) => Promise<string> {
  return async (path, text) => {
    const filepath = join(root, path)
    const config = (await prettier.resolveConfig(filepath)) ?? {}
    return prettier.format(text, { ...config, filepath })
  }
}
