// Addresses of the theme screens and of a passage in the reader, in the app's hash routing
// (see app/route.ts), plus a parser the router can call for the two theme routes.

const encode = encodeURIComponent

export const CODEBOOK_HREF = '#/themes'
export const themeHref = (themeId: string): string => `#/themes/${encode(themeId)}`
export const articleHref = (articleId: string): string => `#/article/${encode(articleId)}`
export const passageHref = (articleId: string, highlightId: string): string =>
  `#/article/${encode(articleId)}/highlight/${encode(highlightId)}`

export type ThemesRoute = { name: 'themes' } | { name: 'theme'; id: string }

/** The theme route a hash names, or null when it names another screen. */
export function parseThemesHash(hash: string): ThemesRoute | null {
  if (/^#\/themes\/?$/.test(hash)) return { name: 'themes' }
  const theme = /^#\/themes\/([^/]+)$/.exec(hash)
  if (!theme?.[1]) return null
  try {
    return { name: 'theme', id: decodeURIComponent(theme[1]) }
  } catch {
    // A malformed escape (a hand-typed "%E0") is not a theme's address.
    return null
  }
}
