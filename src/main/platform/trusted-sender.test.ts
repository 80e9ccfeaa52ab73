import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './trusted-sender'

const production = ['app://liner-notes']
const development = ['app://liner-notes', 'http://localhost:5173/']

describe('isTrustedSender', () => {
  it.each([
    ['app://liner-notes/index.html', production],
    ['app://liner-notes/index.html#/article/3', production],
    ['app://liner-notes/', production],
    ['http://localhost:5173/', development],
    ['http://localhost:5173/index.html?x=1', development]
  ])('accepts the main frame of %s', (url, allowed) => {
    expect(isTrustedSender({ url, isMainFrame: true }, allowed)).toBe(true)
  })

  it.each([
    ['file:///opt/liner-notes/resources/app/out/renderer/index.html', production],
    ['file:///etc/passwd', development],
    ['app://other-host/index.html', production],
    ['app://liner-notes.evil.example/index.html', production],
    ['app://user@liner-notes/index.html', production],
    ['APP://LINER-NOTES-2/index.html', production],
    ['https://liner-notes/index.html', production],
    ['http://localhost:5173/', production],
    ['http://localhost:5174/', development],
    ['https://localhost:5173/', development],
    ['http://127.0.0.1:5173/', development],
    ['javascript:alert(1)', production],
    ['data:text/html,<script>alert(1)</script>', production],
    ['blob:app://liner-notes/1234', production],
    ['about:blank', production],
    ['devtools://devtools/bundled/inspector.html', production],
    ['', production],
    ['not a url', production],
    ['app://', production],
    ['http://[::1', development]
  ])('refuses the main frame of %s', (url, allowed) => {
    expect(isTrustedSender({ url, isMainFrame: true }, allowed)).toBe(false)
  })

  it('refuses a subframe even of the app itself', () => {
    expect(isTrustedSender({ url: 'app://liner-notes/index.html', isMainFrame: false }, production)).toBe(false)
  })

  it('refuses everything when nothing is allowed', () => {
    expect(isTrustedSender({ url: 'app://liner-notes/index.html', isMainFrame: true }, [])).toBe(false)
  })
})
