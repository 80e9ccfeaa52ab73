// What a REFI-QDA project's or codebook's codes do when the library already has a theme of the same name:
// kept apart (the default: nothing of yours changes, and two themes can be merged later in Themes) or
// merged into yours. The choice is the user's, asked in the import summary and kept for later imports.
import type { ThemeClash } from '../../../shared/ipc/imports'

const KEY = 'liner-notes:import-theme-clash'
/** The choice when storage is refused (a private window): it lasts until the page reloads. */
let unsaved: ThemeClash | null = null

export function themeClashChoice(): ThemeClash {
  try {
    return localStorage.getItem(KEY) === 'merge' ? 'merge' : 'apart'
  } catch {
    return unsaved ?? 'apart'
  }
}

export function setThemeClashChoice(choice: ThemeClash): void {
  unsaved = choice
  try {
    localStorage.setItem(KEY, choice)
  } catch {
    // Kept in `unsaved` instead.
  }
}
