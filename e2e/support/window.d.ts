// The page's bridge, as tests call it from page.evaluate().
import type { LinerNotesApi } from '../../src/shared/ipc/contract'

declare global {
  interface Window {
    linerNotes: LinerNotesApi
  }
}
