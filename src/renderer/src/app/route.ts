// The page's location lives in the URL hash (#/, #/article/<id>), so a reload keeps the user's place.
import { useEffect, useState } from 'react'

export type Route =
  | { name: 'library' }
  | { name: 'article'; id: string; highlightId?: string; at?: { start: number; end: number } }
  | { name: 'themes' }
  | { name: 'theme'; id: string }
  | { name: 'notes' }
  | { name: 'note'; id: string; find?: string }
  | { name: 'trash' }
  | { name: 'analysis'; analysis: AnalysisName }

/** The analyses of the Analysis view, each with its own address. */
export const ANALYSIS_NAMES = ['matrix', 'cooccurrence', 'speakers', 'words'] as const
export type AnalysisName = (typeof ANALYSIS_NAMES)[number]

/** The screen a hash names; the library for anything else, a malformed escape ("%E0") included. */
export function parseRoute(hash: string): Route {
  try {
    return routeOf(hash)
  } catch (error) {
    if (error instanceof URIError) return { name: 'library' }
    throw error
  }
}

function routeOf(hash: string): Route {
  const at = /^#\/article\/([^/]+)\/at\/(\d+)-(\d+)$/.exec(hash)
  if (at?.[1] && Number(at[2]) <= Number(at[3])) return { name: 'article', id: decodeURIComponent(at[1]), at: { start: Number(at[2]), end: Number(at[3]) } }
  const article = /^#\/article\/([^/]+)(?:\/highlight\/([^/]+))?$/.exec(hash)
  if (article?.[1]) {
    const id = decodeURIComponent(article[1])
    return article[2] ? { name: 'article', id, highlightId: decodeURIComponent(article[2]) } : { name: 'article', id }
  }
  const theme = /^#\/themes\/([^/]+)$/.exec(hash)
  if (theme?.[1]) return { name: 'theme', id: decodeURIComponent(theme[1]) }
  if (hash === '#/themes') return { name: 'themes' }
  const note = /^#\/notes\/([^/]+)(?:\/find\/([^/]+))?$/.exec(hash)
  if (note?.[1]) return note[2] ? { name: 'note', id: decodeURIComponent(note[1]), find: decodeURIComponent(note[2]) } : { name: 'note', id: decodeURIComponent(note[1]) }
  if (hash === '#/notes') return { name: 'notes' }
  if (hash === '#/trash') return { name: 'trash' }
  const analysis = /^#\/analysis(?:\/([a-z]+))?$/.exec(hash)
  if (analysis) return { name: 'analysis', analysis: ANALYSIS_NAMES.find((n) => n === analysis[1]) ?? 'matrix' }
  return { name: 'library' }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'article': {
      const base = `#/article/${encodeURIComponent(route.id)}`
      if (route.at) return `${base}/at/${route.at.start}-${route.at.end}`
      return route.highlightId ? `${base}/highlight/${encodeURIComponent(route.highlightId)}` : base
    }
    case 'themes':
      return '#/themes'
    case 'theme':
      return `#/themes/${encodeURIComponent(route.id)}`
    case 'notes':
      return '#/notes'
    case 'note':
      return `#/notes/${encodeURIComponent(route.id)}${route.find ? `/find/${encodeURIComponent(route.find)}` : ''}`
    case 'trash':
      return '#/trash'
    case 'analysis':
      return `#/analysis/${route.analysis}`
    default:
      return '#/'
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}
