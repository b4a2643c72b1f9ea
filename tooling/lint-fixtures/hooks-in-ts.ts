// Lint fixture: a hook called conditionally in a .ts file. React's rules must catch it in react-hooks' src/.
import { useState } from 'react'

export function useMaybe(on: boolean): number {
  if (on) {
    const [n] = useState(0)
    return n
  }
  return 0
}
