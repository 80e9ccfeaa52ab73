// Serves the built page over app://liner-notes/ (see app-url.ts for why and for the path rules). The
// scheme must be registered as privileged before the app is ready; the handler is installed after.
import { readFile, realpath } from 'node:fs/promises'
import { relative, isAbsolute } from 'node:path'
import { protocol } from 'electron'
import { APP_SCHEME, CONTENT_SECURITY_POLICY, HEADER_ONLY_POLICY, mimeTypeOf, resolveAppUrl } from './app-url'

/** Call at start-up, before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Answers app:// requests with files from `rendererDir` only; everything else is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const notFound = new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound
    const path = resolveAppUrl(request.url, rendererDir)
    if (!path) return notFound
    try {
      // A symlink inside the folder must not lead out of it either.
      const [root, real] = await Promise.all([realpath(rendererDir), realpath(path)])
      const inside = relative(root, real)
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return notFound
      const body = await readFile(real)
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: {
          'content-type': mimeTypeOf(real),
          'x-content-type-options': 'nosniff',
          'content-security-policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`
        }
      })
    } catch {
      return notFound
    }
  })
}
