// Describes a highlighted range of article text as W3C Web Annotation selectors, so a highlight can be
// found again after the text changes (see anchor.ts). Pure: offsets are UTF-16 code units, end exclusive.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  /** The highlighted words themselves. */
  exact: string
  /** Up to CONTEXT_LENGTH characters just before `exact` (shorter only at the start of the text). */
  prefix: string
  /** Up to CONTEXT_LENGTH characters just after `exact` (shorter only at the end of the text). */
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface Selectors {
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/**
 * Characters of context saved on each side of a quote. 32 is what the Hypothesis client saves: enough to
 * tell apart repeated phrases ("K-Pops!" occurs nine times in one archived article) while staying short
 * enough that an edit near a highlight rarely rewrites all of it.
 */
export const CONTEXT_LENGTH = 32

/** Builds both selectors for text[start, end). Throws RangeError for an empty or out-of-bounds range. */
export function describeRange(text: string, start: number, end: number): Selectors {
  assertValidRange(text, start, end)
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}

function assertValidRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers, got [${start}, ${end})`)
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Range [${start}, ${end}) is empty or outside text of length ${text.length}`)
  }
}
