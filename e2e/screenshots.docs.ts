// `npm run screenshots`: the pictures in the README, taken through the same harness as the tests.
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

test('library and reader', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await expect(library.rows).toHaveCount(5)
  await app.page.screenshot({ path: 'docs/library.png' })
  await library.open(/Master Conductor/)
  await expect(new ReaderPage(app.page).paragraphs.first()).toBeVisible()
  await app.page.screenshot({ path: 'docs/reader.png' })
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await app.page.screenshot({ path: 'docs/reader-dark.png' })
})
