// The library at scale: thousands of articles, of which only the rows in view are in the page. The
// library is made the way a first run makes one, by seeding from a bundled archive (here a generated
// one: a catalogue and its texts), through the real store, so nothing of the store's format is written
// by hand and nothing in the page is stubbed.
import { createHash } from 'node:crypto'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibraryServices } from '../src/core/services'
import { ARCHIVE_DIR, expect, test as base } from './fixtures'
import { LibraryPage } from './pages'

// Enough that rendering every row would be plainly visible in the count; seeding 10,000 through the
// store takes minutes on a slow disk, and the windowing does not change with the number.
const ARTICLES = 2_000
/** Far fewer than all: a window's worth of rows plus the few rendered beyond each edge. */
const AT_MOST_IN_PAGE = 100
const LAST_TITLE = 'Zoetrope nights: the oldest review in the archive'
const OUTLETS = ['Collider', 'Variety', 'The Knockturnal', 'Sight and Sound', 'Cahiers du Cinéma']

/** A catalogue of `count` short articles, newest first by date; the last by date is LAST_TITLE. */
async function writeArchive(dir: string, count: number): Promise<void> {
  const articles = []
  for (let i = 0; i < count; i++) {
    const last = i === count - 1
    const file = `${String(i).padStart(5, '0')}_scale.txt`
    const text = `${last ? LAST_TITLE : `Scale article ${i}`}\n\nA short text about film number ${i}, ${'and its making '.repeat(1 + (i % 7))}so the lengths differ.\n`
    await writeFile(join(dir, file), text)
    const day = new Date(Date.UTC(2024, 11, 31) - i * 86_400_000 * (last ? 2 : 1)).toISOString().slice(0, 10)
    articles.push({
      file,
      sha256: createHash('sha256').update(text).digest('hex'),
      title: last ? LAST_TITLE : `Scale article ${i}`,
      outlet: OUTLETS[i % OUTLETS.length],
      author: i % 3 === 0 ? `Critic ${i % 40}` : '',
      date: day,
      kind: i % 2 === 0 ? 'review' : 'interview',
      url: ''
    })
  }
  await writeFile(join(dir, 'catalogue.json'), JSON.stringify({ articles }))
  await copyFile(join(ARCHIVE_DIR, 'codebook.json'), join(dir, 'codebook.json'))
}

const test = base.extend({
  libraryDir: [
    async ({}, use) => {
      const archive = await mkdtemp(join(tmpdir(), 'liner-notes-scale-archive-'))
      const dir = await mkdtemp(join(tmpdir(), 'liner-notes-scale-'))
      await writeArchive(archive, ARTICLES)
      const seeded = await openLibraryServices(dir, { archiveDir: archive })
      await seeded.close()
      await use(dir)
      await rm(dir, { recursive: true, force: true })
      await rm(archive, { recursive: true, force: true })
    },
    { scope: 'test', timeout: 180_000 }
  ]
})
test.describe.configure({ timeout: 120_000 })

test('thousands of articles: only the rows in view are in the page, and the last is reached by scrolling or filtering', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(page.getByRole('status').filter({ hasText: 'articles' })).toHaveText(`${ARTICLES.toLocaleString('en-US')} articles`, {
    timeout: 60_000 // opening thousands of records
  })
  // A screen reader is told the table's full size: every article plus the heading row.
  await expect(library.table).toHaveAttribute('aria-rowcount', String(ARTICLES + 1))
  await expect(library.rows.first()).toContainText('Scale article 0')
  expect(await library.rows.count()).toBeLessThan(AT_MOST_IN_PAGE)
  await expect(library.table.getByRole('link', { name: LAST_TITLE })).toHaveCount(0)

  // Scrolling to the end brings the last article in; rows measured on the way may move the end, so
  // the key is pressed until it is there.
  await expect(async () => {
    await page.keyboard.press('End')
    await expect(library.table.getByRole('link', { name: LAST_TITLE })).toBeInViewport({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  const lastRow = library.rows.filter({ has: page.getByRole('link', { name: LAST_TITLE }) })
  await expect(lastRow).toHaveAttribute('aria-rowindex', String(ARTICLES + 1))
  expect(await library.rows.count()).toBeLessThan(AT_MOST_IN_PAGE)
  await expect(library.table.getByRole('link', { name: 'Scale article 0', exact: true })).toHaveCount(0)

  // The row holding keyboard focus stays in the page while the list scrolls away from it.
  await library.table.getByRole('link', { name: LAST_TITLE }).focus()
  await page.keyboard.press('Home')
  await expect(library.rows.first()).toContainText('Scale article 0')
  await expect(library.table.getByRole('link', { name: LAST_TITLE })).toBeFocused()

  // Filtering finds it from the top, and sorting by date the other way puts it first.
  await library.filter.fill('zoetrope')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(LAST_TITLE)
  await expect(page.getByRole('status').filter({ hasText: 'articles' })).toHaveText(`1 of ${ARTICLES.toLocaleString('en-US')} articles`)
  await library.filter.fill('')
  await library.sortBy('Date')
  await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(library.rows.first()).toContainText(LAST_TITLE)
  expect(await library.rows.count()).toBeLessThan(AT_MOST_IN_PAGE)
})
