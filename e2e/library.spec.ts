import { readFile } from 'node:fs/promises'
import { folderFingerprint } from './support/library-files'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

test('the library lists the five bundled articles with outlet, date, kind and length', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await expect(library.rows).toHaveCount(5)
  const first = library.rows.first()
  await expect(first).toContainText('‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director')
  await expect(first).toContainText('Collider')
  await expect(first).toContainText('Sep 27, 2024')
  await expect(first).toContainText('interview')
  await expect(app.page.getByRole('status').filter({ hasText: 'articles' })).toHaveText('5 articles')
})

test('sorting by a column and filtering as you type', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await library.sortBy('Words')
  const ascending = await library.rows.locator('td:last-child').allInnerTexts()
  const counts = ascending.map((s) => Number(s.replace(/,/g, '')))
  expect(counts).toEqual([...counts].sort((a, b) => a - b))
  await expect(app.page.getByRole('columnheader', { name: 'Words' })).toHaveAttribute('aria-sort', 'ascending')
  await library.sortBy('Words')
  await expect(app.page.getByRole('columnheader', { name: 'Words' })).toHaveAttribute('aria-sort', 'descending')

  await library.filter.fill('knockturnal')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('The Knockturnal')
  await library.filter.fill('interview')
  await expect(library.rows).toHaveCount(2)
  await library.filter.fill('Hannam')
  await expect(library.rows).toHaveCount(1)
})

test('editing an article title is saved to the library file and survives a restart', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await library.open(/Master Conductor/)
  const reader = new ReaderPage(app.page)
  await reader.field('Title').fill('K-Pops! at TIFF: the Collider interview')
  await reader.field('Title').press('Enter')
  await expect(reader.saveState).toHaveText('Saved')

  const onDisk = await app.readLibrary()
  expect(onDisk.articles.find((a) => a.id === '000_ad238df8b954e232')?.meta.title).toBe('K-Pops! at TIFF: the Collider interview')

  await app.relaunch()
  await expect(reader.field('Title')).toHaveValue('K-Pops! at TIFF: the Collider interview')
  await app.page.getByRole('link', { name: 'Library', exact: true }).first().click()
  await expect(library.table.getByRole('link', { name: 'K-Pops! at TIFF: the Collider interview' })).toBeVisible()
})

test('a request with a malformed payload is refused with a readable error and the file is unchanged', async ({ app }) => {
  await expect(new LibraryPage(app.page).rows).toHaveCount(5)
  const before = await folderFingerprint(app.libraryDir)
  const result = await app.page.evaluate(() =>
    window.linerNotes['articles:update-meta']({ id: '000_ad238df8b954e232', patch: { date: 'next Friday', title: 42 as unknown as string } })
  )
  expect(result.ok).toBe(false)
  expect(!result.ok && result.error).toEqual({
    code: 'invalid-request',
    message: expect.stringMatching(/articles:update-meta request was refused: patch\.title: .*string.*; patch\.date: Use a date written as YYYY-MM-DD/)
  })
  expect(await folderFingerprint(app.libraryDir)).toBe(before)
})

test('a malformed value typed in the reader is reported and nothing is saved', async ({ app }) => {
  await new LibraryPage(app.page).open(/Master Conductor/)
  const before = await folderFingerprint(app.libraryDir)
  const reader = new ReaderPage(app.page)
  await reader.field('URL').fill('collider dot com')
  await reader.field('URL').blur()
  // Said in the user's words, beside the field, with the field marked; no request name, nothing saved.
  const problem = app.page.getByRole('alert').filter({ hasText: 'Not saved: a web address starts with http:// or https://' })
  await expect(problem).toBeVisible()
  await expect(problem).toBeInViewport()
  await expect(reader.field('URL')).toHaveAttribute('aria-invalid', 'true')
  await expect(reader.field('URL')).toHaveAccessibleDescription(/a web address starts with http/)
  await expect(app.page.getByText(/articles:update-meta|patch\./)).toHaveCount(0)
  expect(await folderFingerprint(app.libraryDir)).toBe(before)
  // Fixed, it saves, and the message goes.
  await reader.field('URL').fill('https://collider.com/k-pops')
  await reader.field('URL').blur()
  await expect(reader.saveState).toHaveText('Saved')
  await expect(problem).toHaveCount(0)
})
