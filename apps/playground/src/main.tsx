import { createManagementClient, ManagementProvider } from '@auth0-ts/react-hooks'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import './styles.css'

// Management calls go to this server's proxy, which holds the token; the page never sees it.
const client = createManagementClient({ baseUrl: '/api/management' })

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ManagementProvider client={client}>
      <App />
    </ManagementProvider>
  </StrictMode>,
)
