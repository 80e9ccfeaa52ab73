// The page is served from app://liner-notes/ (a registered standard scheme) rather than file://, so it has
// a real origin of its own and file:// gives it nothing. This pure half decides which file a URL names,
// confined to the built page's folder; app-protocol.ts is the Electron half that serves it.
import { extname, isAbsolute, relative, resolve } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'liner-notes'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The file under `root` that an app:// URL names, or null when the URL is not one of ours or would leave
 * the folder: `..` segments (plain or percent-encoded), encoded slashes or backslashes, NUL bytes, drive
 * letters and absolute paths are refused rather than normalised away.
 */
export function resolveAppUrl(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null
  // The URL parser folds `..` away before we see it; the raw text still shows whether one was asked for.
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i.test(url.replace(/^[a-z]+:\/\/[^/]*/i, ''))) return null
  const segments = parsed.pathname.split('/').slice(1)
  const decoded: string[] = []
  for (const segment of segments) {
    let part: string
    try {
      part = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (part === '.' || part === '..' || /[/\\\0:]/.test(part)) return null
    decoded.push(part)
  }
  const path = decoded.join('/') || 'index.html'
  if (path.endsWith('/') || isAbsolute(path)) return null
  const base = resolve(root)
  const file = resolve(base, path)
  const inside = relative(base, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

/** Types for what the build writes; anything else is served as bytes the page cannot run. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Sent as a header with every app:// response, the same policy as the page's own <meta> tag (a test holds
 * them equal) plus what only a header can say: no page may frame this one.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
export const HEADER_ONLY_POLICY = "frame-ancestors 'none'"
