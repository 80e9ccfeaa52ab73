import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_DIR, expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const SLOW_AND_SMOOTH =
  'CATHY SHIM: Myself, I worked on the Wild Card stage, which is this massive stage for our, not to give away too much away, K-pop competition, and there was this moment.'

test('opening the first article shows the paragraph with “Slow and smooth. Find your rhythm.” exactly', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await library.rows.first().getByRole('link').click()
  const reader = new ReaderPage(app.page)
  const paragraph = reader.paragraphs.filter({ hasText: 'Slow and smooth. Find your rhythm.' })
  await expect(paragraph).toHaveCount(1)
  const stored = (await readFile(join(ARCHIVE_DIR, '000_ad238df8b954e232.txt'), 'utf8'))
    .split('\n')
    .find((line) => line.includes('Slow and smooth. Find your rhythm.'))
  expect(stored?.startsWith(SLOW_AND_SMOOTH)).toBe(true)
  expect(await paragraph.textContent()).toBe(stored)
})

test('the reader renders every character of each article as stored', async ({ app }) => {
  const reader = new ReaderPage(app.page)
  const catalogue = JSON.parse(await readFile(join(ARCHIVE_DIR, 'catalogue.json'), 'utf8')) as { articles: { file: string }[] }
  for (const { file } of catalogue.articles) {
    await app.page.goto(`${new URL(app.page.url()).origin}/#/article/${file.replace(/\.txt$/, '')}`)
    const stored = await readFile(join(ARCHIVE_DIR, file), 'utf8')
    const expected = stored.split(/\r?\n/).filter((line) => line.trim() !== '')
    await expect(reader.paragraphs).toHaveCount(expected.length)
    expect(await reader.paragraphs.allTextContents()).toEqual(expected)
  }
  await app.page.goto(`${new URL(app.page.url()).origin}/#/article/002_28dc0072aca979dd`)
  await expect(reader.text).toContainText('"Come Home" (feat. André 3000) and “Bubblin,”')
})

test('moving between articles with the keyboard follows the library order', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await expect(library.rows).toHaveCount(5)
  const titles = await library.titles()
  await library.rows.first().getByRole('link').click()
  const reader = new ReaderPage(app.page)
  await expect(reader.position).toHaveText('1 of 5')
  await app.page.keyboard.press(']')
  await expect(reader.position).toHaveText('2 of 5')
  await expect(reader.field('Title')).toHaveAttribute('placeholder', titles[1]!) // an untitled article: its opening words
  await app.page.keyboard.press('[')
  await app.page.keyboard.press('[')
  await expect(reader.position).toHaveText('5 of 5')
  await app.page.getByRole('button', { name: 'Next article' }).click()
  await expect(reader.position).toHaveText('1 of 5')
  await app.page.keyboard.press('Escape')
  await expect(library.table).toBeVisible()
})

test('text size is adjustable and kept; light and dark follow the system', async ({ app }) => {
  const library = new LibraryPage(app.page)
  await library.rows.first().getByRole('link').click()
  const reader = new ReaderPage(app.page)
  const size = async (): Promise<number> => parseFloat(await reader.text.evaluate((el) => getComputedStyle(el).fontSize))
  const before = await size()
  await app.page.getByRole('button', { name: 'Larger text' }).click()
  await app.page.getByRole('button', { name: 'Larger text' }).click()
  await expect.poll(size).toBe(before + 2)
  await app.relaunch()
  await expect.poll(size).toBe(before + 2)

  const background = (): Promise<string> => app.page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor)
  await app.page.emulateMedia({ colorScheme: 'light' })
  const light = await background()
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(background).not.toBe(light)
  await app.page.getByRole('combobox', { name: 'Appearance' }).selectOption('light')
  await expect.poll(background).toBe(light)
})
