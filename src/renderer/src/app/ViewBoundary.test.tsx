// A view that throws is replaced by a sentence saying what failed and a way back, not a blank window;
// choosing another page tries the view again.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ViewBoundary } from './ViewBoundary'

function boundaryAfter(error: unknown, props: { what: string; resetKey?: string; onClose?: () => void }): ViewBoundary {
  const boundary = new ViewBoundary({ ...props, children: createElement('p', null, 'the view') })
  boundary.state = { ...boundary.state, ...ViewBoundary.getDerivedStateFromError(error) }
  return boundary
}

describe('ViewBoundary', () => {
  it('shows its view while nothing failed', () => {
    const boundary = new ViewBoundary({ what: 'the reader', children: createElement('p', null, 'the view') })
    expect(renderToStaticMarkup(createElement('div', null, boundary.render()))).toBe('<div><p>the view</p></div>')
  })

  it('shows what failed, that nothing was changed, and a way back to the library', () => {
    const html = renderToStaticMarkup(createElement('div', null, boundaryAfter(new TypeError('Cannot read properties of undefined'), { what: 'the reader' }).render()))
    expect(html).toContain('role="alert"')
    expect(html).toContain('The reader could not be shown')
    expect(html).toContain('Something in it failed: Cannot read properties of undefined.')
    expect(html).toContain('Nothing in the library was changed')
    expect(html).toContain('Back to the library')
    expect(html).not.toContain('the view')
  })

  it('offers Close in a dialog, and reads a thrown non-error', () => {
    const html = renderToStaticMarkup(createElement('div', null, boundaryAfter('broken', { what: 'the export', onClose: () => undefined }).render()))
    expect(html).toContain('The export could not be shown')
    expect(html).toContain('failed: broken.')
    expect(html).toContain('>Close</button>')
  })

  it('tries again on another page', () => {
    const failed = { error: new Error('x'), resetKey: '{"name":"article","id":"a"}' }
    expect(ViewBoundary.getDerivedStateFromProps({ what: 'the reader', resetKey: '{"name":"library"}', children: null }, failed)).toEqual({ error: null, resetKey: '{"name":"library"}' })
    expect(ViewBoundary.getDerivedStateFromProps({ what: 'the reader', resetKey: failed.resetKey, children: null }, failed)).toBeNull()
  })
})
