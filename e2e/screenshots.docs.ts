// `npm run screenshots`: the pictures in the README, taken through the same harness as the tests.
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

test('library, reader with highlights, themes', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(library.rows).toHaveCount(5)
  await library.open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  const passages: [string, string[], string | null][] = [
    ['sends Paak on a music-filled father-son journey across Seoul', ['fatherhood'], null],
    ['taps into his own South Korean heritage', ['heritage', 'identity'], null],
    ['how Black American and South Korean cultures blend', ['cultural exchange'], null],
    ['Black American and South Korean', ['heritage'], 'purple'],
    ['a father and son connecting on screen', ['fatherhood'], null]
  ]
  for (const [phrase, themes, color] of passages) {
    await reader.select(phrase)
    await reader.selectionToolbar.getByRole('button', color ? { name: `Highlight in ${color}` } : { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText(phrase)
    for (const theme of themes) {
      await reader.themeInput.fill(theme)
      await reader.themeInput.press('Enter')
      await expect(reader.openHighlight.getByRole('button', { name: `Remove theme ${theme}` })).toBeVisible()
    }
  }
  await reader.panel.getByRole('button', { name: /^Open highlight “taps into/ }).click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/reader.png' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'docs/reader-dark.png' })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  await expect(page.getByRole('heading', { name: 'Themes', level: 1 })).toBeVisible()
  await page.screenshot({ path: 'docs/themes.png' })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(library.rows).toHaveCount(5)
  await page.screenshot({ path: 'docs/library.png', fullPage: true })
})
