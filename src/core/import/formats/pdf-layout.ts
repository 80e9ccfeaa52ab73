// A PDF holds positioned runs of text, not paragraphs. This rebuilds the article from them: runs become
// lines, two-column pages are read left column then right, running headers, footers and page numbers are
// dropped, lines are joined into paragraphs, and words hyphenated across a line end are healed.
// Pure: it sees only numbers and strings, so it is tested without pdf.js.
import type { ParagraphKind } from '../types'

/** One run of text as pdf.js positions it: baseline origin in PDF points, y growing upwards. */
export interface TextRun {
  text: string
  x: number
  y: number
  width: number
  /** The font size in points (the run's height). */
  size: number
}

export interface PageRuns {
  runs: TextRun[]
}

interface Line {
  text: string
  x0: number
  x1: number
  y: number
  size: number
}

/** Lines that read as one stretch: a column of a band on one page, or full-width lines. */
type Flow = Line[]

interface PageLines {
  flows: Flow[]
  /** Every line of the page, top to bottom, to find running headers and footers. */
  rows: Line[][]
}

export interface Paragraph {
  text: string
  kind: ParagraphKind
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Runs on one baseline (within 40% of the font size) belong to one row of the page. */
function rowsOf(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: TextRun[][] = []
  for (const run of sorted) {
    const row = rows.at(-1)
    const first = row?.[0]
    if (row && first && Math.abs(first.y - run.y) <= 0.4 * Math.min(first.size, run.size)) row.push(run)
    else rows.push([run])
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x))
}

/**
 * The gutter between two columns: the widest stretch in the middle of the text block that (almost) no
 * run covers, with text on both sides. Null on a one-column page.
 */
function findGutter(runs: TextRun[]): { from: number; to: number } | null {
  if (runs.length < 6) return null
  const left = Math.min(...runs.map((r) => r.x))
  const right = Math.max(...runs.map((r) => r.x + r.width))
  const bin = 2
  const counts = new Array<number>(Math.ceil((right - left) / bin) + 1).fill(0)
  for (const run of runs) {
    for (let i = Math.floor((run.x - left) / bin); i <= Math.floor((run.x + run.width - left) / bin); i++) counts[i] = (counts[i] ?? 0) + 1
  }
  // A title or a full-width line may cross the gutter; a few such runs do not unmake it.
  const tolerance = Math.max(1, Math.floor(runs.length * 0.05))
  const size = median(runs.map((r) => r.size))
  let best: { from: number; to: number } | null = null
  const lo = Math.floor(counts.length * 0.3)
  const hi = Math.ceil(counts.length * 0.7)
  for (let i = lo; i <= hi; i++) {
    if ((counts[i] ?? 0) > tolerance) continue
    let j = i
    while (j + 1 < counts.length && (counts[j + 1] ?? 0) <= tolerance) j++
    let k = i
    while (k - 1 >= 0 && (counts[k - 1] ?? 0) <= tolerance) k--
    const gap = { from: left + k * bin, to: left + (j + 1) * bin }
    if (gap.to - gap.from >= size && (!best || gap.to - gap.from > best.to - best.from)) best = gap
    i = j
  }
  if (!best) return null
  const gutter = best
  const leftRuns = runs.filter((r) => r.x + r.width <= gutter.to).length
  const rightRuns = runs.filter((r) => r.x >= gutter.from).length
  return leftRuns >= 3 && rightRuns >= 3 ? gutter : null
}

/** A row's runs as one line of text: a space where runs are apart and neither brings its own. */
function lineOf(runs: TextRun[]): Line {
  let text = ''
  let end = -Infinity
  for (const run of runs) {
    const apart = run.x - end > 0.15 * run.size
    if (text && apart && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
    text += run.text
    end = Math.max(end, run.x + run.width)
  }
  const first = runs[0]
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0: first?.x ?? 0,
    x1: end,
    y: first?.y ?? 0,
    size: median(runs.map((r) => r.size))
  }
}

/** One page's lines, in reading order: full-width lines in place, each band of columns left then right. */
export function pageLines(page: PageRuns): PageLines {
  const runs = page.runs.filter((r) => r.text.trim() !== '')
  const gutter = findGutter(runs)
  const flows: Flow[] = []
  const rows: Line[][] = []
  let leftFlow: Flow = []
  let rightFlow: Flow = []
  let fullFlow: Flow = []
  const closeBand = (): void => {
    if (leftFlow.length) flows.push(leftFlow)
    if (rightFlow.length) flows.push(rightFlow)
    leftFlow = []
    rightFlow = []
  }
  for (const row of rowsOf(runs)) {
    const mid = gutter ? (gutter.from + gutter.to) / 2 : 0
    const spans = !gutter || row.some((r) => r.x < mid && r.x + r.width > mid)
    if (spans) {
      closeBand()
      const line = lineOf(row)
      fullFlow.push(line)
      rows.push([line])
      continue
    }
    if (fullFlow.length) flows.push(fullFlow)
    fullFlow = []
    const left = row.filter((r) => r.x < mid)
    const right = row.filter((r) => r.x >= mid)
    const lines: Line[] = []
    if (left.length) leftFlow.push(lineOf(left)), lines.push(leftFlow.at(-1) as Line)
    if (right.length) rightFlow.push(lineOf(right)), lines.push(rightFlow.at(-1) as Line)
    rows.push(lines)
  }
  closeBand()
  if (fullFlow.length) flows.push(fullFlow)
  return { flows, rows }
}

/** "12", "- 12 -", "Page 12", "12 of 30", "xii": a page number standing alone. */
const PAGE_NUMBER = /^[-–—\s]*(page\s+)?(\d{1,4}|(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3}))(\s*(of|\/)\s*\d{1,4})?[-–—\s]*$/i

/** Digits vary from page to page in a running header ("March 2024 · 12"); the rest repeats. */
const repeatKey = (line: Line): string => `${Math.round(line.y / 3)}|${line.text.replace(/\d+/g, '#').toLowerCase()}`

/**
 * Removes running headers and footers (the same text at the same height on most pages) and page numbers
 * (a lone number in the top or bottom two rows), looking only at the top and bottom rows of each page.
 */
export function dropPageFurniture(pages: PageLines[]): void {
  const edges = (page: PageLines): Line[] => [...page.rows.slice(0, 2), ...page.rows.slice(-2)].flat()
  const seen = new Map<string, number>()
  for (const page of pages) {
    for (const key of new Set(edges(page).map(repeatKey))) seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const repeatsOn = Math.max(2, Math.ceil(pages.length * 0.5))
  for (const page of pages) {
    const furniture = new Set(edges(page).filter((line) => PAGE_NUMBER.test(line.text) || (pages.length > 1 && (seen.get(repeatKey(line)) ?? 0) >= repeatsOn)))
    if (furniture.size === 0) continue
    page.flows = page.flows.map((flow) => flow.filter((line) => !furniture.has(line))).filter((flow) => flow.length > 0)
  }
}

/** Bullets that open a list item; the bullet itself is not text. */
const BULLET = /^[•◦▪‣●○■□–-]\s+/

/**
 * Joins two lines of one paragraph. "devel-" + "opment" heals to "development" (a letter, a hyphen, then a
 * lowercase letter); "K-" + "Pops!" keeps its hyphen, as does one before a capital or a digit; a soft hyphen
 * always goes.
 */
export function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after
  if (/\p{L}[-\u2010]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after
  // A hyphen, dash or slash kept at the end of a line binds to the next word: "K-Pops!", "1990-2000", "and/or".
  if (/\S[-\u2010—/]$/u.test(before)) return before + after
  return `${before} ${after}`
}

/** Lines rebuilt into paragraphs; headings are set larger than the body text. */
export function paragraphsOf(pages: PageLines[]): Paragraph[] {
  const flows = pages.flatMap((p) => p.flows)
  const lines = flows.flat()
  if (lines.length === 0) return []
  const bodySize = weightedMode(lines)
  const pitches: number[] = []
  for (const flow of flows) {
    for (let i = 1; i < flow.length; i++) {
      const [a, b] = [flow[i - 1] as Line, flow[i] as Line]
      if (Math.abs(a.size - bodySize) < 0.5 && Math.abs(b.size - bodySize) < 0.5) pitches.push(a.y - b.y)
    }
  }
  const pitch = median(pitches.filter((p) => p > 0)) || bodySize * 1.2

  const paragraphs: Paragraph[] = []
  let current: { text: string; size: number; list: boolean } | null = null
  const close = (): void => {
    if (current?.text) paragraphs.push({ text: current.text, kind: kindOf(current, bodySize) })
    current = null
  }
  let previous: { line: Line; right: number; width: number } | null = null
  const columns = columnEdges(flows)
  for (const flow of flows) {
    const { left, right } = edgesOf(flow, columns)
    const width = Math.max(1, right - left)
    flow.forEach((line, i) => {
      const bullet = BULLET.test(line.text)
      const indented = line.x0 > left + 0.6 * line.size
      const startsParagraph =
        !previous ||
        bullet ||
        indented ||
        Math.abs(previous.line.size - line.size) > 0.5 ||
        // Only within a flow is the vertical gap meaningful; across columns and pages the layout moved.
        (i > 0 && previous.line.y - line.y > pitch * 1.4) ||
        previous.right - previous.line.x1 > Math.max(0.3 * previous.width, 5 * previous.line.size)
      if (startsParagraph) {
        close()
        current = { text: bullet ? line.text.replace(BULLET, '') : line.text, size: line.size, list: bullet }
      } else if (current) {
        current.text = joinLines(current.text, line.text)
      }
      previous = { line, right, width }
    })
  }
  close()
  return paragraphs
}

/** A flow of this many lines shows where its column's edges are; a shorter one borrows them. */
const MEASURED_FLOW = 5

/** The left and right edges of the columns the long flows of the document set. */
function columnEdges(flows: Flow[]): Array<{ left: number; right: number }> {
  return flows.filter((flow) => flow.length >= MEASURED_FLOW).map((flow) => ({ left: modeOf(flow.map((l) => Math.round(l.x0))), right: Math.max(...flow.map((l) => l.x1)) }))
}

/**
 * A flow's column edges: measured from its own lines when it has enough of them, else those of a measured
 * column it sits in (so one indented line at the top of a column still reads as indented).
 */
function edgesOf(flow: Flow, columns: Array<{ left: number; right: number }>): { left: number; right: number } {
  if (flow.length >= MEASURED_FLOW) return { left: modeOf(flow.map((l) => Math.round(l.x0))), right: Math.max(...flow.map((l) => l.x1)) }
  const minX = Math.min(...flow.map((l) => l.x0))
  const maxX = Math.max(...flow.map((l) => l.x1))
  const column = columns.filter((c) => c.left <= minX + 1 && c.right >= maxX - 1).sort((a, b) => b.left - a.left)[0]
  return column ?? { left: minX, right: maxX }
}

function kindOf(paragraph: { text: string; size: number; list: boolean }, bodySize: number): ParagraphKind {
  if (paragraph.list) return 'list-item'
  return paragraph.size >= bodySize * 1.2 && paragraph.text.length <= 200 ? 'heading' : 'paragraph'
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = values[0] ?? 0
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v
  return best
}

/** The font size most of the text is set in (by characters, so one big title does not count much). */
function weightedMode(lines: Line[]): number {
  const chars = new Map<number, number>()
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2
    chars.set(size, (chars.get(size) ?? 0) + line.text.length)
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}
