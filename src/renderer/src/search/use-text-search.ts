// The hits of one kind for a query, asked of the core's search index a moment after typing stops; for
// lists that narrow as the user types (the library, the notes). Null while there is no query.
import { useEffect, useRef, useState } from 'react'
import type { SearchHit, SearchKind } from '../../../shared/ipc/contract'
import { call } from '../api'

export function useTextSearch(query: string, kind: SearchKind, limit = 1_000): SearchHit[] | null {
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const asked = useRef(0)
  useEffect(() => {
    const seq = ++asked.current
    if (query.trim() === '') {
      setHits(null)
      return
    }
    let retry: ReturnType<typeof setTimeout> | undefined
    const ask = (): void => {
      call('search:query', { query, kinds: [kind], limit }).then(
        (answer) => {
          if (seq !== asked.current) return
          setHits(answer.groups.flatMap((g) => g.hits))
          // Still being indexed: ask again, so the list fills in.
          if (answer.status.state === 'building') retry = setTimeout(ask, 1_000)
        },
        () => seq === asked.current && setHits([])
      )
    }
    const wait = setTimeout(ask, 150)
    return () => {
      clearTimeout(wait)
      clearTimeout(retry)
    }
  }, [query, kind, limit])
  return hits
}
