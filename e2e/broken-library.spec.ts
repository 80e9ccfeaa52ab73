import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, MISSING_TEXT_FILE, test } from './fixtures'
import { LibraryPage } from './pages'

test.describe('a library file that is not JSON', () => {
  test.use({ libraryState: 'corrupt-file' })

  test('shows why the library cannot be opened and leaves the file as it was', async ({ app }) => {
    const alert = app.page.getByRole('alert')
    await expect(alert.getByRole('heading', { name: 'The library could not be opened' })).toBeVisible()
    await expect(alert).toContainText('library.json is not valid JSON')
    expect(await readFile(join(app.libraryDir, 'library.json'), 'utf8')).toBe('{"schemaVersion": 2, "articles": [')
  })
})

test.describe('an article whose text file is missing', () => {
  test.use({ libraryState: 'missing-text' })

  test('is listed with a warning and opens with a clear message, its details kept', async ({ app }) => {
    const library = new LibraryPage(app.page)
    const row = library.rows.filter({ hasText: 'The Knockturnal' })
    await expect(row).toContainText('Text missing')
    await row.getByRole('link').click()
    await expect(app.page.getByRole('alert')).toContainText(`missing from the library folder (texts/${MISSING_TEXT_FILE})`)
    await expect(app.page.getByLabel('Outlet', { exact: true })).toHaveValue('The Knockturnal')
  })
})

test.describe('a note nested deeper than any editor makes', () => {
  test.use({ libraryState: 'too-deep-note' })

  test('is moved aside into quarantine/ and named in a banner; the library and the notes work', async ({ app }) => {
    const banner = app.page.getByRole('alert').filter({ hasText: 'notes/note-deep.json' })
    await expect(banner).toContainText('could not be read (the note is nested more than 100 levels deep), so it was moved to quarantine/')
    await expect(new LibraryPage(app.page).rows).toHaveCount(5)
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click()
    await app.page.getByRole('button', { name: 'New note' }).click()
    await expect(app.page.getByRole('textbox').last()).toBeVisible()
    const moved = await readdir(join(app.libraryDir, 'quarantine'))
    expect(moved).toEqual([expect.stringMatching(/-notes-note-deep\.json$/)])
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toBeHidden()
  })
})
