// Which rows of a long table are in the page, and the empty space standing in for the rest. The list
// keeps a real <table> (so column widths, headers and screen-reader table navigation stay native); rows
// outside the window are replaced by spacer rows of the height they would take. Pure, so the arithmetic
// is tested without a page.

/** A row the virtualizer placed: its index in the list and its top and bottom in page coordinates. */
export interface PlacedRow {
  index: number
  start: number
  end: number
}

export type TablePart = { kind: 'row'; index: number } | { kind: 'gap'; key: string; size: number }

/**
 * The table body from top to bottom: each placed row, with a gap wherever rows are left out (before the
 * first, between the window and a row kept outside it, after the last). `top` is where the body starts
 * on the page and `height` what all rows together would measure.
 */
export function tableParts(rows: readonly PlacedRow[], top: number, height: number): TablePart[] {
  const parts: TablePart[] = []
  let at = top
  for (const row of rows) {
    if (row.start > at) parts.push({ kind: 'gap', key: `before-${row.index}`, size: row.start - at })
    parts.push({ kind: 'row', index: row.index })
    at = Math.max(at, row.end)
  }
  if (top + height > at) parts.push({ kind: 'gap', key: 'after', size: top + height - at })
  return parts
}

/**
 * The window's indexes with `kept` added when it is outside (the row holding keyboard focus: were it
 * left out, focus would fall back to the page). Ascending, as the table shows them.
 */
export function withKeptRow(indexes: readonly number[], kept: number | null): number[] {
  if (kept === null || kept < 0 || indexes.includes(kept)) return [...indexes]
  return [...indexes, kept].sort((a, b) => a - b)
}
