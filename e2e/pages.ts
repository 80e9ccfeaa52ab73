// Page objects: the library list and the reader, found by role and accessible name as a user finds them.
import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  constructor(readonly page: Page) {}
  get table(): Locator {
    return this.page.getByRole('table')
  }
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') })
  }
  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter articles' })
  }
  sortBy(column: string): Promise<void> {
    return this.page.getByRole('columnheader', { name: column }).getByRole('button').click()
  }
  async titles(): Promise<string[]> {
    return this.rows.locator('td:first-child a').allInnerTexts()
  }
  open(title: string | RegExp): Promise<void> {
    return this.table.getByRole('link', { name: title }).click()
  }
}

export class ReaderPage {
  constructor(readonly page: Page) {}
  get text(): Locator {
    return this.page.getByRole('document', { name: 'Article text' })
  }
  get paragraphs(): Locator {
    return this.text.locator('p')
  }
  field(name: 'Title' | 'Outlet' | 'Author' | 'Date' | 'URL' | 'Kind'): Locator {
    return this.page.getByRole('form', { name: 'Article details' }).getByLabel(name, { exact: true })
  }
  get saveState(): Locator {
    return this.page.getByRole('form', { name: 'Article details' }).locator('.save-state')
  }
  get position(): Locator {
    return this.page.getByRole('toolbar', { name: 'Reading' }).locator('.position')
  }

  /** Selects the first occurrence of `phrase` in the article text, as a drag with the mouse would. */
  async select(phrase: string): Promise<void> {
    const found = await this.text.evaluate((root, wanted) => {
      for (const p of root.querySelectorAll('p')) {
        const at = (p.textContent ?? '').indexOf(wanted)
        if (at < 0) continue
        p.scrollIntoView({ block: 'center' }) // a reader scrolls to a passage before selecting it
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        const points: { node: Node; offset: number }[] = []
        let seen = 0
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent?.length ?? 0
          for (const target of [at, at + wanted.length]) {
            if (points.length < 2 && target >= seen && target <= seen + size && !(points.length === 1 && target === at)) {
              points.push({ node, offset: target - seen })
            }
          }
          seen += size
        }
        const [from, to] = points
        if (!from || !to) return false
        window.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
        return true
      }
      return false
    }, phrase)
    if (!found) throw new Error(`“${phrase}” is not in the article text`)
  }

  /** Selects from the start of `from` to the end of `to`, which may lie in a later paragraph. */
  async selectAcross(from: string, to: string): Promise<void> {
    const found = await this.text.evaluate(
      (root, [first, last]) => {
        const point = (phrase: string, atEnd: boolean): { node: Node; offset: number } | null => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = (node.textContent ?? '').indexOf(phrase)
            if (at >= 0) return { node, offset: atEnd ? at + phrase.length : at }
          }
          return null
        }
        const start = point(first, false)
        const end = point(last, true)
        if (!start || !end) return false
        ;(start.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
        window.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
        return true
      },
      [from, to] as const
    )
    if (!found) throw new Error(`“${from}” … “${to}” is not in the article text`)
  }

  get selectionToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selection' })
  }
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Highlights' })
  }
  get openHighlight(): Locator {
    return this.page.getByRole('region', { name: 'Open highlight' })
  }
  get themeInput(): Locator {
    return this.openHighlight.getByRole('combobox', { name: 'Add theme' })
  }
  /** The highlight marks that take focus, one per highlight, named by quote and themes. */
  mark(quote: string | RegExp): Locator {
    return this.text.getByRole('button', { name: quote })
  }
  async highlightCount(): Promise<number> {
    const heading = await this.panel.getByRole('heading', { name: /^Highlights \(\d+\)$/ }).innerText()
    return Number(/\((\d+)\)/.exec(heading)?.[1])
  }
}
