// A hit's snippet with its matched words marked.
import type { SearchSnippet } from '../../../shared/ipc/contract'

export function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const parts: React.ReactNode[] = []
  let at = 0
  snippet.marks.forEach(([start, end], i) => {
    if (start > at) parts.push(snippet.text.slice(at, start))
    parts.push(<mark key={i}>{snippet.text.slice(start, end)}</mark>)
    at = end
  })
  parts.push(snippet.text.slice(at))
  return <>{parts}</>
}
