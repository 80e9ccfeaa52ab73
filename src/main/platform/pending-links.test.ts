import { describe, expect, it } from 'vitest'
import { PendingLinks } from './pending-links'

const first = 'liner-notes://article/a1'
const second = 'liner-notes://article/a2/highlight/h1'

describe('PendingLinks', () => {
  it('keeps a link that arrives before the page is ready and hands it over when the page asks', () => {
    const links = new PendingLinks()
    expect(links.receive(first)).toBeNull()
    expect(links.take()).toBe(first)
  })

  it('hands a kept link over once only', () => {
    const links = new PendingLinks()
    links.receive(first)
    links.take()
    expect(links.take()).toBeNull()
  })

  it('keeps the newest of several early links', () => {
    const links = new PendingLinks()
    links.receive(first)
    links.receive(second)
    expect(links.take()).toBe(second)
  })

  it('has nothing to hand over when no link came', () => {
    expect(new PendingLinks().take()).toBeNull()
  })

  it('passes links straight through once the page is ready', () => {
    const links = new PendingLinks()
    links.take()
    expect(links.receive(first)).toBe(first)
    expect(links.take()).toBeNull()
  })

  it('keeps links again after the page is gone, until a new page asks', () => {
    const links = new PendingLinks()
    links.take()
    links.pageGone()
    expect(links.receive(second)).toBeNull()
    expect(links.take()).toBe(second)
  })
})
