// Search from the page: Ctrl+K over the whole archive opening an article at the match, find in the
// article stepping through its matches, the Notes search, and the library filter reading article texts.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const COLLIDER = '000_ad238df8b954e232'

/** The words the reader marks under one of its search highlights (CSS Custom Highlight API). */
function marked(page: Page, name: 'find-current' | 'find-match'): Promise<string[]> {
  return page.evaluate((highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()), name)
}

test('Ctrl+K finds a word that is only in an article’s body and opens the article at it, marked', async ({ app }) => {
  const { page } = app
  await expect(new LibraryPage(page).rows).toHaveCount(5)
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Search' })
  await dialog.getByRole('combobox', { name: 'Search' }).fill('missy')
  const articles = dialog.getByRole('group', { name: 'Articles' })
  await expect(articles.getByRole('option')).toHaveCount(1)
  await expect(articles.getByRole('option').first()).toContainText('Working with Missy [Elliott]')
  await expect(articles.getByRole('option').first().locator('mark')).toHaveText('Missy')
  await expect(dialog.getByRole('status')).toHaveText('1 result.')
  await page.keyboard.press('Enter')

  await expect(dialog).toHaveCount(0)
  await expect(page).toHaveURL(new RegExp(`#/article/${COLLIDER}/at/\\d+-\\d+$`))
  const reader = new ReaderPage(page)
  await expect(reader.text).toBeVisible()
  await expect.poll(() => marked(page, 'find-current')).toEqual(['Missy'])
  // Scrolled there: the paragraph holding the match is on screen.
  await expect(reader.text.locator('p', { hasText: 'Working with Missy' })).toBeInViewport()
})

test('find in the article counts the matches, steps through them both ways, and closes with Esc', async ({ app }) => {
  const { page } = app
  await page.goto(`${new URL(page.url()).origin}/#/article/${COLLIDER}`)
  const reader = new ReaderPage(page)
  await expect(reader.text).toBeVisible()
  const text = (await app.request('articles:get', { id: COLLIDER })).text!
  const expected = (text.match(/\bdad\w*/gi) ?? []).length
  expect(expected).toBeGreaterThan(2)

  await reader.text.click()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('searchbox', { name: 'Find in article' })
  await expect(find).toBeFocused()
  await find.fill('dad')
  const count = page.getByRole('search', { name: 'Find in article' }).getByRole('status')
  await expect(count).toHaveText(`1 of ${expected}`)
  await expect.poll(async () => (await marked(page, 'find-match')).length).toBe(expected)
  await page.keyboard.press('Enter')
  await expect(count).toHaveText(`2 of ${expected}`)
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(count).toHaveText(`3 of ${expected}`)
  await find.press('Shift+Enter')
  await expect(count).toHaveText(`2 of ${expected}`)
  await page.getByRole('button', { name: 'Previous match' }).click()
  await page.getByRole('button', { name: 'Previous match' }).click()
  await expect(count).toHaveText(`${expected} of ${expected}`)
  expect((await marked(page, 'find-current'))[0]!.toLowerCase()).toMatch(/^dad/)

  await find.press('Escape')
  await expect(find).toHaveCount(0)
  await expect.poll(() => marked(page, 'find-match')).toEqual([])
})

test('the Notes search finds a note by a word in its body', async ({ app }) => {
  const { page } = app
  const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] })
  const wanted = await app.request('notes:create', { title: 'Second act', doc: doc('The argument turns on the metronome scene.') })
  await app.request('notes:create', { title: 'First act', doc: doc('Opening titles and the airport.') })
  await page.goto(`${new URL(page.url()).origin}/#/notes`)
  const list = page.getByRole('complementary', { name: 'All notes' })
  await expect(list.getByRole('link')).toHaveCount(2)
  await list.getByRole('searchbox', { name: 'Search notes' }).fill('metronom')
  await expect(list.getByRole('link')).toHaveCount(1)
  await expect(list.getByRole('link')).toContainText('Second act')
  await expect(list.getByRole('link').locator('mark')).toHaveText('metronome')
  await list.getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`#/notes/${wanted.id}$`))
  // Opened with the search's words: the first match in the note is marked.
  await expect.poll(() => marked(page, 'find-current')).toEqual(['metronome'])

  // From Ctrl+K, a note hit opens the note at its match too.
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search' }).fill('airport')
  await expect(page.getByRole('group', { name: 'Notes' }).getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('First act')
  await expect.poll(() => marked(page, 'find-current')).toEqual(['airport'])
})

test('the library filter finds an article by a word in its text', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(library.rows).toHaveCount(5)
  await library.filter.fill('Missy')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('Master Conductor')
})
