// Deleting an article from the reader: it goes to the Trash with its highlights, Undo brings it back, and
// the Trash restores it or, after a confirmation that counts its highlights, deletes it for good.
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const JACKSONS = 'The Jacksons walked so BTS could dance.'

test('an article moved to the Trash leaves the library, comes back with Undo and from the Trash, and is deleted for good when the Trash is emptied', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await library.open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(app.page)
  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)

  await app.page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Move to Trash' }).click()
  const moved = app.page.getByRole('status').filter({ hasText: 'moved to the Trash with 1 highlight' })
  await expect(moved).toBeVisible()
  await expect(library.rows).toHaveCount(4)
  await moved.getByRole('button', { name: 'Undo' }).click()
  await expect(library.rows).toHaveCount(5)

  await library.open(/directorial film debut is reigniting/)
  await app.page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Move to Trash' }).click()
  await expect(library.rows).toHaveCount(4)
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click()
  const list = app.page.getByRole('list', { name: 'Articles in the Trash' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('1 highlight')
  await list.getByRole('button', { name: /^Restore / }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'is back in the library with 1 highlight' })).toBeVisible()
  await expect(app.page.getByText('The Trash is empty.')).toBeVisible()

  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await library.open(/directorial film debut is reigniting/)
  await expect(reader.mark(/The Jacksons walked so BTS could dance\./)).toBeVisible()
  await app.page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Move to Trash' }).click()
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click()
  await app.page.getByRole('button', { name: 'Empty Trash…' }).click()
  const confirm = app.page.getByRole('dialog', { name: 'Empty the Trash?' })
  await expect(confirm).toContainText('1 article and 1 highlight will be deleted for good')
  await confirm.getByRole('button', { name: 'Delete for good' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Deleted 1 article and 1 highlight for good.' })).toBeVisible()
  const stored = await app.readLibrary()
  expect(stored.articles).toHaveLength(4)
  expect(stored.highlights).toHaveLength(0)
})

test('several articles ticked in the library go to the Trash at once, and Undo brings them all back', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await expect(library.rows).toHaveCount(5)
  await app.page.getByRole('checkbox', { name: /^Select ‘K-Pops!’ – Anderson \.Paak Is a “Master Conductor”/ }).check()
  await app.page.getByRole('checkbox', { name: /^Select Culture influences everything/ }).check()
  const bar = app.page.getByRole('toolbar', { name: 'Selected articles' })
  await expect(bar).toContainText('2 articles selected')
  await bar.getByRole('button', { name: 'Move to Trash' }).click()
  await expect(library.rows).toHaveCount(3)
  const moved = app.page.getByRole('status').filter({ hasText: '2 articles moved to the Trash' })
  await expect(moved).toBeVisible()
  expect((await app.readLibrary()).articles).toHaveLength(3)
  await moved.getByRole('button', { name: 'Undo' }).click()
  await expect(library.rows).toHaveCount(5)
  await expect(bar).toHaveCount(0)
})
