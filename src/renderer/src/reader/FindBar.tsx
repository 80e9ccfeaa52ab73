// Find in the article (Ctrl/Cmd+F): every match of the words marked, the current one stronger, counted
// ("3 of 12"); Enter or Next goes on, Shift+Enter or Previous goes back, Esc closes. The words are read
// as search reads them: beginnings of words, "exact phrases", without case, accents or curly quotes.
import { useEffect, useMemo, useRef, useState } from 'react'
import { matchRanges, parseQuery } from '../../../shared/search/query'
import { clearMarks, markRanges, scrollToRange } from './marks'

interface Props {
  text: string
  root: () => HTMLElement | null
  onClose: () => void
}

export function FindBar({ text, root, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(0)
  const matches = useMemo(() => (query.trim() === '' ? [] : matchRanges(text, parseQuery(query))), [text, query])

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  useEffect(() => setCurrent(0), [matches])
  useEffect(() => {
    const element = root()
    if (!element) return
    markRanges(element, 'find-match', matches)
    const [range] = markRanges(element, 'find-current', matches[current] ? [matches[current]] : [])
    if (range) scrollToRange(range)
  }, [matches, current, root])
  useEffect(() => () => clearMarks(), [])

  const step = (by: number): void => {
    if (matches.length > 0) setCurrent((c) => (c + by + matches.length) % matches.length)
  }
  const count = query.trim() === '' ? '' : matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}`

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            step(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            onClose()
          }
        }}
      />
      <span role="status" aria-live="polite" className="muted">
        {count}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={matches.length === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={matches.length === 0} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label="Close find">
        ✕
      </button>
    </div>
  )
}
