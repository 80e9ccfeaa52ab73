// What colour a highlight shows: its own, else its first theme's, else the default yellow. Recolouring
// a theme therefore recolours every passage that has no colour of its own.
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor, type Theme } from '../../../shared/model'

/** The palette as hex, chosen to read as highlighter ink on both the light and the dark sheet. */
export const PALETTE: Record<HighlightColor, string> = {
  yellow: '#f2c230',
  green: '#5cb85c',
  blue: '#4a90d9',
  pink: '#e0609a',
  purple: '#9b6ad6',
  orange: '#ee8a2e'
}

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange'
}

export { HIGHLIGHT_COLORS }

export function highlightHex(highlight: Pick<Highlight, 'color' | 'themeIds'>, themes: ReadonlyMap<string, Theme>): string {
  if (highlight.color) return PALETTE[highlight.color]
  for (const id of highlight.themeIds) {
    const theme = themes.get(id)
    if (theme) return theme.color
  }
  return PALETTE.yellow
}

/** The names of a highlight's themes, in its order, for titles and accessible descriptions. */
export function themeNames(highlight: Pick<Highlight, 'themeIds'>, themes: ReadonlyMap<string, Theme>): string[] {
  return highlight.themeIds.flatMap((id) => {
    const theme = themes.get(id)
    return theme ? [theme.name] : []
  })
}
