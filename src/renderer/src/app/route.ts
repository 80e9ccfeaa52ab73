// The page's location lives in the URL hash (#/, #/article/<id>), so a reload keeps the user's place.
import { useEffect, useState } from 'react'

export type Route = { name: 'library' } | { name: 'article'; id: string }

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([^/]+)$/.exec(hash)
  if (article?.[1]) return { name: 'article', id: decodeURIComponent(article[1]) }
  return { name: 'library' }
}

export function hrefFor(route: Route): string {
  return route.name === 'article' ? `#/article/${encodeURIComponent(route.id)}` : '#/'
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
