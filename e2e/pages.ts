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
}
