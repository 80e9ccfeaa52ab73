// How a count is shaded: in its theme's own colour, stronger as the count nears the largest in view, and
// the number written in the page's ink or, on a strong shade, in white. Shared by the chart on screen and
// the image saved from it.

/** Opacity of a cell's theme colour; 0 leaves an empty cell unshaded. */
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return 0.14 + 0.76 * Math.min(1, count / max)
}

/** Above this opacity the colour is dark enough that the number is written in white. */
export const STRONG = 0.55

export const ROW_HEIGHT = 30
export const CELL_WIDTH = 76
export const LABEL_WIDTH = 300

/** The page's colours now (light or dark), for an image saved from a chart. */
export interface Palette {
  ink: string
  muted: string
  sheet: string
  line: string
  accent: string
}

export function pagePalette(): Palette {
  const style = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  return {
    ink: read('--ink', '#1f1c18'),
    muted: read('--muted', '#6b645b'),
    sheet: read('--sheet', '#fffdf9'),
    line: read('--line', '#e2dcd2'),
    accent: read('--accent', '#8a3b12')
  }
}

/** A label cut to fit a column, with an ellipsis. */
export function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}
