// The Analysis view as a critic uses it: the theme × article matrix, a cell opened on exactly its
// passages (and from there the article at the passage), the matrix saved as CSV and read back, the
// speaker view, and word frequencies leading to a search.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { expect, test, type AppHarness } from './fixtures'

const COLLIDER = '000_ad238df8b954e232'
const COLLIDER_TITLE = '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director'
const QA = '002_28dc0072aca979dd'

/** Highlights made through the core, as the reader makes them: the phrase's first occurrence, with themes. */
async function highlight(app: AppHarness, articleId: string, phrase: string, themeNames: string[]): Promise<void> {
  const themes = await app.request('themes:list', {})
  const { text } = await app.request('articles:get', { id: articleId })
  const start = text!.indexOf(phrase)
  if (start < 0) throw new Error(`“${phrase}” is not in ${articleId}`)
  await app.request('highlights:create', { articleId, start, end: start + phrase.length, themeIds: themeNames.map((name) => themes.find((t) => t.name === name)!.id) })
}

const STARTED = 'It all started in quarantine, doing YouTube sketches with my son'
const STRAIGHTFORWARD = 'He’s very straightforward when he has his director hat on'
const HOME_VIDEOS = 'I used to make home videos all the time with my family'

test.beforeEach(async ({ app }) => {
  await highlight(app, COLLIDER, STARTED, ['fatherhood'])
  await highlight(app, COLLIDER, STRAIGHTFORWARD, ['fatherhood', 'identity'])
  await highlight(app, COLLIDER, 'the concept’s pandemic origins, its Korean heart', ['heritage'])
  await highlight(app, QA, HOME_VIDEOS, ['heritage', 'fatherhood'])
  await app.page.reload()
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click()
  await expect(app.page.getByRole('heading', { name: 'Themes by article', level: 2 })).toBeVisible()
})

test('a cell of the matrix opens exactly its passages, and one of them in the reader', async ({ app }) => {
  const { page } = app
  const matrix = page.getByRole('figure', { name: 'Highlights per theme per article' })
  await expect(matrix.getByRole('button', { name: `heritage in ${COLLIDER_TITLE}: 1 highlight` })).toBeVisible()
  await matrix.getByRole('button', { name: `fatherhood in ${COLLIDER_TITLE}: 2 highlights` }).click()

  const passages = page.getByRole('list', { name: `Passages: fatherhood in ${COLLIDER_TITLE}` })
  await expect(passages.getByRole('listitem')).toHaveCount(2)
  await expect(passages.locator('blockquote')).toHaveText([STARTED, STRAIGHTFORWARD])
  await expect(passages.getByRole('listitem').first()).toContainText('Anderson .Paak, in')
  await expect(passages.getByRole('listitem').nth(1)).toContainText('Soul Rasheed, in')
  await expect(page.getByRole('status').filter({ hasText: /^2 passages\.$/ })).toBeVisible()

  await passages.getByRole('listitem').first().getByRole('link', { name: /^Open at passage/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${COLLIDER}/at/\\d+-\\d+$`))
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible()
})

test('the matrix sorts by a theme, shows its table, and saves as the CSV that table is', async ({ app }) => {
  const { page } = app
  const matrix = page.getByRole('figure', { name: 'Highlights per theme per article' })
  await matrix.getByRole('button', { name: 'Sort by heritage' }).click()
  await expect(matrix.getByRole('button', { name: 'Sort by heritage' })).toHaveAttribute('aria-pressed', 'true')
  // Sorted by heritage: both articles have one; ties keep the library's order (newest first).
  await expect(matrix.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2)

  await page.getByRole('radio', { name: 'Table' }).check()
  const table = page.getByRole('table', { name: 'Highlights per theme per article' })
  await expect(table.getByRole('row')).toHaveCount(4)
  await page.getByRole('button', { name: 'Save as CSV…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Saved .*themes-by-article\.csv$/ })).toBeVisible()
  const csv = await readFile(join(app.exportDir, 'themes-by-article.csv'), 'utf8')
  const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data
  expect(rows[0]).toEqual([
    'article',
    'article id',
    'outlet',
    'date',
    'kind',
    'Black musical lineage',
    'cultural exchange',
    'fatherhood',
    'filmmaking',
    'heritage',
    'identity',
    'the K-pop industry',
    'coded highlights'
  ])
  expect(rows.slice(1)).toEqual([
    [COLLIDER_TITLE, COLLIDER, 'Collider', '2024-09-27', 'interview', '0', '0', '2', '0', '1', '1', '0', '3'],
    [expect.stringMatching(/…$/), QA, '', '', 'interview', '0', '0', '1', '0', '1', '0', '0', '1'],
    ['All articles', '', '', '', '', '0', '0', '3', '0', '2', '1', '0', '4']
  ])
  // The table on screen is the same table.
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([COLLIDER, 'Collider', '2024-09-27', 'interview', '0', '0', '2', '0', '1', '1', '0', '3'])

  await page.getByRole('button', { name: 'Save as SVG…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /themes-by-article\.svg$/ })).toBeVisible()
  await page.getByRole('button', { name: 'Save as PNG…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /themes-by-article\.png$/ })).toBeVisible()
  const png = await readFile(join(app.exportDir, 'themes-by-article.png'))
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(await readFile(join(app.exportDir, 'themes-by-article.svg'), 'utf8')).toContain('<svg')
})

test('speakers by theme, themes together, and a word of a speaker’s passages opens a search for it', async ({ app }) => {
  const { page } = app
  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'Speakers by theme' }).click()
  const chart = page.getByRole('figure', { name: 'Highlights per theme per speaker' })
  await expect(chart.getByRole('button', { name: 'Anderson .Paak on fatherhood: 2 highlights' })).toBeVisible()
  await chart.getByRole('button', { name: 'Soul Rasheed on identity: 1 highlight' }).click()
  await expect(page.getByRole('list', { name: 'Passages: Soul Rasheed on identity' }).locator('blockquote')).toHaveText([STRAIGHTFORWARD])

  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'Themes together' }).click()
  const together = page.getByRole('figure', { name: 'Themes occurring together, on one highlight or on overlapping ones' })
  await together.getByRole('button', { name: 'fatherhood with identity: 1' }).click()
  await expect(page.getByRole('list', { name: 'Passages: fatherhood with identity' }).locator('blockquote')).toHaveText([STRAIGHTFORWARD])
  await expect(together.getByRole('button', { name: 'heritage: 2 highlights' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'Word frequencies' }).click()
  await page.getByRole('combobox', { name: 'Count the words of' }).selectOption('speaker')
  await page.getByRole('combobox', { name: 'Speaker' }).selectOption('Anderson .Paak')
  await page.getByRole('button', { name: 'Search for “quarantine”' }).click()
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('combobox', { name: 'Search' })).toHaveValue('quarantine')
})
