import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppUrl } from './app-url'

const root = resolve('/srv/app/out/renderer')

describe('resolveAppUrl', () => {
  it.each([
    [APP_ENTRY_URL, 'index.html'],
    ['app://liner-notes/', 'index.html'],
    ['app://liner-notes', 'index.html'],
    ['app://liner-notes/assets/index-DgkMJIuW.js', 'assets/index-DgkMJIuW.js'],
    ['app://liner-notes/assets/a%20b.css', 'assets/a b.css'],
    ['app://liner-notes/index.html?x=1#/article/3', 'index.html'],
    ['app://liner-notes/assets/name..with.dots.js', 'assets/name..with.dots.js']
  ])('serves %s from the folder', (url, file) => {
    expect(resolveAppUrl(url, root)).toBe(join(root, file))
  })

  it.each([
    ['app://liner-notes/../secret.txt'],
    ['app://liner-notes/assets/../../secret.txt'],
    ['app://liner-notes/%2e%2e/secret.txt'],
    ['app://liner-notes/%2E%2E/%2E%2E/etc/passwd'],
    ['app://liner-notes/.%2e/secret.txt'],
    ['app://liner-notes/..%2fsecret.txt'],
    ['app://liner-notes/assets%2f..%2f..%2fsecret.txt'],
    ['app://liner-notes/..%5csecret.txt'],
    ['app://liner-notes/%5c%5cserver%5cshare'],
    ['app://liner-notes/C:%5cWindows%5cwin.ini'],
    ['app://liner-notes/C:/Windows/win.ini'],
    ['app://liner-notes/%2fetc%2fpasswd'],
    ['app://liner-notes//etc/passwd'],
    ['app://liner-notes/index.html%00.png'],
    ['app://liner-notes/%E0%A4%A'],
    ['app://liner-notes/assets/'],
    ['app://other-host/index.html'],
    ['app://user:pass@liner-notes/index.html'],
    ['file:///srv/app/out/renderer/index.html'],
    ['https://liner-notes/index.html'],
    ['app:index.html'],
    ['not a url'],
    ['']
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull()
  })
})

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/icon.svg', 'image/svg+xml'],
    ['assets/unknown.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream']
  ])('%s is %s', (path, type) => expect(mimeTypeOf(path)).toBe(type))
})

describe('the policy sent as a header', () => {
  it("is the page's own <meta> policy, so the two cannot drift apart", () => {
    const html = readFileSync(resolve('src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })
})
