// Opening a note's link: only web and e-mail addresses reach the system's opener, checked both at the
// IPC boundary and again by the handler itself; without an opener the refusal says why.
import { describe, expect, it, vi } from 'vitest'
import { LibraryError } from '../library/errors'
import { withTempDir } from '../library/test-support'
import { openableUrl, type OpenExternal } from './links'
import { openTestClient } from './test-client'

const opener = () => vi.fn<OpenExternal>(async () => undefined)

describe('links:open', () => {
  it.each([
    ['https://collider.com/k-pops-review', 'https://collider.com/k-pops-review'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.ORG/Path?q=K-Pops!#top', 'https://example.org/Path?q=K-Pops!#top'],
    ['mailto:editor@example.org?subject=K-Pops!', 'mailto:editor@example.org?subject=K-Pops!']
  ])('hands %s to the system as %s', (url, opened) =>
    withTempDir(async (dir) => {
      const openExternal = opener()
      const client = await openTestClient(dir, { effects: { openExternal } })
      expect(await client.call('links:open', { url })).toBeNull()
      expect(openExternal.mock.calls).toEqual([[opened]])
    }))

  it.each([
    ['javascript:alert(1)', /Only web \(http, https\) and e-mail links can be opened/],
    [' https://example.org', /Only web/],
    ['file:///etc/passwd', /Only web/],
    ['data:text/html,<script>alert(1)</script>', /Only web/],
    ['vbscript:msgbox', /Only web/],
    ['http://', /“http:\/\/” is not a complete web or e-mail address/],
    ['https://exa mple.org', /spaces, line breaks or invisible characters/],
    // The parser drops the line break, and what was checked as collider.com would open evil.example.
    ['https://collider.com\n@evil.example/', /spaces, line breaks or invisible characters/],
    ['https://collider.com\t@evil.example/', /spaces, line breaks or invisible characters/],
    ['https://collider.com/\r', /spaces, line breaks or invisible characters/],
    ['https://collider.com\u200b@evil.example', /invisible characters/],
    ['https://collider.com@evil.example/', /user name before its host \(evil\.example\)/],
    ['https://user:pw@collider.com/', /user name before its host/]
  ])('refuses %s without calling the opener', (url, message) =>
    withTempDir(async (dir) => {
      const openExternal = opener()
      const client = await openTestClient(dir, { effects: { openExternal } })
      const error = await client.refused('links:open', { url })
      expect(error.code).toBe('invalid-request')
      expect(error.message).toMatch(message)
      expect(openExternal).not.toHaveBeenCalled()
    }))

  it('re-checks the address itself, for a caller that skipped the IPC boundary', () =>
    withTempDir(async (dir) => {
      const openExternal = opener()
      const { services } = await openTestClient(dir, { effects: { openExternal } })
      await expect(services.handlers['links:open']({ url: 'javascript:alert(1)' })).rejects.toThrow(
        'Only web (http, https) and e-mail links can be opened; “javascript:alert(1)” is a javascript: link.'
      )
      expect(openExternal).not.toHaveBeenCalled()
      expect(() => openableUrl('file:///etc/passwd')).toThrow(LibraryError)
    }))

  it('says links cannot be opened where no opener was given', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(dir)
      expect(await client.refused('links:open', { url: 'https://collider.com/' })).toEqual({
        code: 'conflict',
        message: 'Links cannot be opened from here: there is no system browser to hand them to. The address is https://collider.com/'
      })
    }))

  it('reports an opener that fails in words', () =>
    withTempDir(async (dir) => {
      const openExternal = vi.fn<OpenExternal>(async () => {
        throw new Error('No application is registered for this address')
      })
      const client = await openTestClient(dir, { effects: { openExternal } })
      expect(await client.refused('links:open', { url: 'mailto:editor@example.org' })).toEqual({
        code: 'internal',
        message: 'The system could not open mailto:editor@example.org: No application is registered for this address'
      })
    }))
})
