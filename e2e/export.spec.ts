import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { parse as parseYaml } from 'yaml'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'
import { sendOpenPassage } from './support/bridge'

const JACKSONS = 'The Jacksons walked so BTS could dance.'
const HERITAGE_TOO = 'taps into his own South Korean heritage'

async function codeWithHeritage(page: Page): Promise<void> {
  await new LibraryPage(page).open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  for (const phrase of [JACKSONS, HERITAGE_TOO]) {
    await reader.select(phrase)
    await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText(phrase)
    await reader.themeInput.fill('heritage')
    await reader.themeInput.press('Enter')
    await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()
  }
  await reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' }).click()
  await page.keyboard.type('Roots, *chosen*.')
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

test('exporting the heritage theme from the UI writes Markdown with every quote, tag and citation', async ({ app }) => {
  await codeWithHeritage(app.page)
  await app.page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: 'One theme, across the archive' }).check()
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'heritage (2 highlights)' })
  await dialog.getByRole('radio', { name: /^Markdown/ }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  const summary = dialog.getByRole('status')
  await expect(summary).toContainText('Exported 2 highlights and 1 note in 1 file')
  await expect(summary).toContainText('theme-heritage.md')

  const markdown = await readFile(join(app.exportDir, 'theme-heritage.md'), 'utf8')
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  expect(front).not.toBeNull()
  const meta = parseYaml(front![1]!) as { title: string; tags: string[]; highlights: number }
  expect(meta).toMatchObject({ title: 'heritage', highlights: 2 })
  expect(meta.tags).toContain('heritage')

  // Parsed as Markdown, each quote reads exactly as the article.
  const tree = fromMarkdown(markdown)
  const quotes = tree.children.filter((node) => node.type === 'blockquote').map((node) => toText(node))
  expect(quotes).toEqual(expect.arrayContaining([JACKSONS, HERITAGE_TOO]))
  expect(markdown).toMatch(/#heritage/)
  expect(markdown).toMatch(/\^hl-[\w-]+/)
  expect(markdown).toContain('Roots, _chosen_.')
  expect(markdown).toMatch(/liner-notes:\/\/open\/004_2d86f5da9e5657dc\/hl-/)
})

test('a backup restores into a new folder with identical data and texts', async ({ app }) => {
  await codeWithHeritage(app.page)
  await app.page.getByRole('banner').getByRole('button', { name: 'Backup…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Back up or restore' })
  await dialog.getByRole('button', { name: 'Back up library…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Backed up every article, 2 highlights and 0 notes in 1 file')
  const [backup] = (await readdir(app.exportDir)).filter((name) => name.endsWith('.zip'))
  expect(backup).toMatch(/^liner-notes-backup-\d{4}-\d{2}-\d{2}\.zip$/)

  const target = await mkdtemp(join(tmpdir(), 'liner-notes-restored-'))
  try {
    app.nextOpenPath = join(app.exportDir, backup!)
    app.nextFolder = target
    await dialog.getByRole('button', { name: 'Restore from backup…' }).click()
    await expect(dialog.getByRole('status')).toContainText('Restored 5 articles, 2 highlights, 7 themes and 0 notes')
    const original = await readFile(join(app.libraryDir, 'library.json'), 'utf8')
    expect(await readFile(join(target, 'library.json'), 'utf8')).toBe(original)
    for (const name of await readdir(join(app.libraryDir, 'texts'))) {
      const hash = async (dir: string): Promise<string> => createHash('sha256').update(await readFile(join(dir, 'texts', name))).digest('hex')
      expect(await hash(target)).toBe(await hash(app.libraryDir))
    }
  } finally {
    await rm(target, { recursive: true, force: true })
  }
})

test('restoring a file that is not a backup is refused with a clear message and changes nothing', async ({ app }) => {
  const notABackup = join(app.exportDir, 'holiday-photos.zip')
  await writeFile(notABackup, 'PK\u0003\u0004 this is not really a zip')
  const target = await mkdtemp(join(tmpdir(), 'liner-notes-restored-'))
  try {
    app.nextOpenPath = notABackup
    app.nextFolder = target
    await app.page.getByRole('banner').getByRole('button', { name: 'Backup…' }).click()
    const dialog = app.page.getByRole('dialog', { name: 'Back up or restore' })
    await dialog.getByRole('button', { name: 'Restore from backup…' }).click()
    await expect(dialog.getByRole('alert')).toContainText('This file is not a readable zip archive')
    expect(await readdir(target)).toEqual([])
  } finally {
    await rm(target, { recursive: true, force: true })
  }
})

test('a liner-notes:// link opens its passage, or says clearly that it is gone', async ({ app }) => {
  await codeWithHeritage(app.page)
  const highlight = (await app.readLibrary()).highlights.find((h) => h.quote.exact === JACKSONS)!
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()

  await sendOpenPassage(app.page, { articleId: highlight.articleId, highlightId: highlight.id })
  const reader = new ReaderPage(app.page)
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)

  await sendOpenPassage(app.page, { articleId: highlight.articleId, highlightId: 'hl-deleted-long-ago' })
  await expect(app.page.getByRole('alert')).toContainText('The passage this link points to is no longer in the library')
  await expect(reader.openHighlight).toHaveCount(0)

  // Started by a link: the page asks for it once it is ready, and opens the passage.
  app.pendingLink = { articleId: highlight.articleId, highlightId: highlight.id }
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await app.relaunch()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
  expect(app.pendingLink).toBeNull()
})

/** The plain text of a Markdown node, paragraphs joined by a line break. */
function toText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value
  const children = (node.children ?? []) as { type: string; value?: string; children?: unknown[] }[]
  return children.map(toText).join(node.type === 'blockquote' ? '\n' : '')
}

test('a CSV export protects cells from running as spreadsheet formulas, says so, and offers the raw cells', async ({ app }) => {
  const { page } = app
  const text = (await app.request('articles:get', { id: '004_2d86f5da9e5657dc' })).text!
  const start = text.indexOf('heritage')
  const highlight = await app.request('highlights:create', { articleId: '004_2d86f5da9e5657dc', start, end: start + 'heritage'.length })
  const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '=HYPERLINK("http://example.com")' }] }] }
  await app.request('highlights:set-note', { id: highlight.id, note })
  const exportCsv = async (raw: boolean): Promise<string> => {
    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByRole('radio', { name: /^CSV/ }).check()
    await expect(dialog.getByText('Cells that start with = + - or @ get a leading')).toBeVisible()
    const rawBox = dialog.getByRole('checkbox', { name: /^Raw cells/ })
    await expect(rawBox).not.toBeChecked()
    if (raw) await rawBox.check()
    await dialog.getByRole('button', { name: 'Export…' }).click()
    await expect(dialog.getByRole('status')).toContainText('Exported')
    const file = (await dialog.getByRole('status').innerText()).match(/[\w-]+\.csv/)![0]
    const csv = await readFile(join(app.exportDir, file), 'utf8')
    await dialog.getByRole('button', { name: 'Close' }).click()
    return csv
  }
  expect(await exportCsv(false)).toContain(`"'=HYPERLINK(""http://example.com"")"`)
  expect(await exportCsv(true)).toContain(`"=HYPERLINK(""http://example.com"")"`)
})
