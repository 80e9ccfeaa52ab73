// Importing from the page: files chosen in the import dialog, files dropped on the window, a paste, and
// a file that cannot be imported. Each ends in a summary listing every file, and the library list shows
// what was added.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'
import { sendAppCommand } from './support/bridge'

const SEEDED = 5

const REVIEW_MD = `---
title: A Conductor Finds His Film
author: Ada Critic
outlet: The Film Page
date: 2024-09-30
kind: review
---

# A Conductor Finds His Film

Anderson .Paak directs *K-Pops!* with a drummer's sense of time.

> The Jacksons walked so BTS could dance.

- heritage
`

const NOTES_TXT = 'Festival notes, day two\n\nThe late screening ran long, and nobody minded.\n'

/** Writes files into a new temporary folder; returns their paths and a way to remove the folder. */
async function filesOnDisk(files: Record<string, string | Uint8Array>): Promise<{ paths: string[]; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'liner-notes-import-'))
  const paths: string[] = []
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name)
    await writeFile(path, content)
    paths.push(path)
  }
  return { paths, remove: () => rm(folder, { recursive: true, force: true }) }
}

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' })
const fileRows = (page: Page) => importDialog(page).getByRole('list', { name: 'Files' }).getByRole('listitem')

test('files chosen in the import dialog become articles, listed in the summary and the library', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(library.rows).toHaveCount(SEEDED)
  const files = await filesOnDisk({ 'conductor.md': REVIEW_MD, 'festival-notes.txt': NOTES_TXT })
  try {
    app.nextOpenPaths = files.paths
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    const dialog = importDialog(page)
    await expect(dialog.getByRole('status')).toHaveText('2 imported')
    await expect(dialog).toContainText('Check the details of each imported article: open it to correct them.')
    await expect(fileRows(page)).toHaveCount(2)
    await expect(fileRows(page).filter({ hasText: 'conductor.md' })).toContainText('Imported')
    await expect(fileRows(page).filter({ hasText: 'festival-notes.txt' }).getByRole('link', { name: 'Open festival-notes.txt' })).toBeVisible()

    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(library.rows).toHaveCount(SEEDED + 2)
    await expect(library.table.getByRole('link', { name: 'A Conductor Finds His Film' })).toBeVisible()
    await expect(library.table.getByRole('link', { name: /Festival notes, day two/ })).toBeVisible()

    // The summary's link opens the article, whose details came from the front matter.
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(dialog.getByRole('status')).toHaveText('0 imported, 2 already in the library')
    await dialog.getByRole('link', { name: 'A Conductor Finds His Film' }).click()
    await expect(dialog).toHaveCount(0)
    const reader = new ReaderPage(page)
    await expect(reader.field('Title')).toHaveValue('A Conductor Finds His Film')
    await expect(reader.field('Outlet')).toHaveValue('The Film Page')
    await expect(reader.text).toContainText("Anderson .Paak directs K-Pops! with a drummer's sense of time.")
    // The file's heading, quote and list item are shown as such.
    await expect(reader.text.getByRole('heading', { name: 'A Conductor Finds His Film' })).toBeVisible()
    await expect(reader.text.getByRole('blockquote')).toHaveText('The Jacksons walked so BTS could dance.')
    await expect(reader.text.locator('p.kind-list-item')).toHaveText('heritage')

    // The original is kept: it can be read again (here by the same importer, so nothing changes).
    await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Read original again' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'The original reads the same as before; nothing changed.' })).toBeVisible()
  } finally {
    await files.remove()
  }
})

test('closing the file dialog without choosing imports nothing and shows nothing', async ({ app }) => {
  app.nextOpenPaths = null
  await sendAppCommand(app.page, 'import')
  // The import is over (the button is free again) and nothing was shown or added.
  await expect(app.page.getByRole('banner').getByRole('button', { name: 'Import…' })).toBeEnabled()
  await expect(importDialog(app.page)).toHaveCount(0)
  await expect(new LibraryPage(app.page).rows).toHaveCount(SEEDED)
  expect((await app.readLibrary()).articles).toHaveLength(SEEDED)
})

test('a file dropped on the window is imported', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(library.rows).toHaveCount(SEEDED)
  const dataTransfer = await page.evaluateHandle((markdown) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([markdown], 'dropped.md', { type: 'text/markdown' }))
    return transfer
  }, REVIEW_MD.replace(/A Conductor Finds His Film/g, 'Dropped on the Window'))

  await page.dispatchEvent('main', 'dragenter', { dataTransfer })
  await expect(page.getByText('Drop files to import them')).toBeVisible()
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  await expect(page.getByText('Drop files to import them')).toHaveCount(0)

  await expect(importDialog(page).getByRole('status')).toHaveText('1 imported')
  await expect(fileRows(page).filter({ hasText: 'dropped.md' }).getByRole('link', { name: 'Dropped on the Window' })).toBeVisible()
  await importDialog(page).getByRole('button', { name: 'Close' }).click()
  await expect(library.rows).toHaveCount(SEEDED + 1)
  await expect(library.table.getByRole('link', { name: 'Dropped on the Window' })).toBeVisible()
})

test('a pasted article becomes an article with its headings and text', async ({ app }) => {
  const { page } = app
  await sendAppCommand(page, 'paste-article')
  const pasteDialog = page.getByRole('dialog', { name: 'New article from clipboard' })
  const target = pasteDialog.getByRole('textbox', { name: 'Paste the article here (Ctrl/Cmd+V)' })
  await expect(target).toBeFocused()

  // An empty clipboard is answered in the paste dialog, which stays open for another try.
  await target.evaluate((element) => {
    const data = new DataTransfer()
    data.setData('text/plain', '   ')
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(pasteDialog.getByRole('alert')).toContainText('The clipboard holds no text to make an article of')

  await target.evaluate((element) => {
    const data = new DataTransfer()
    data.setData('text/html', '<h2>Pasted from the festival site</h2><p>A quiet film about <em>listening</em>.</p><blockquote>Silence is a score too.</blockquote>')
    data.setData('text/plain', 'Pasted from the festival site\nA quiet film about listening.\nSilence is a score too.')
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(pasteDialog).toHaveCount(0)
  await expect(importDialog(page).getByRole('status')).toHaveText('1 imported')
  await importDialog(page).getByRole('link', { name: 'Open The pasted text' }).click()
  const reader = new ReaderPage(page)
  await expect(reader.text).toContainText('A quiet film about listening.')
  await expect(reader.text).toContainText('Silence is a score too.')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(new LibraryPage(page).rows).toHaveCount(SEEDED + 1)
})

test('a file that is not an article is refused with its reason, listed first, and the library is unchanged', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  const files = await filesOnDisk({ 'conductor.md': REVIEW_MD, 'photo.jpg': Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46) })
  try {
    app.nextOpenPaths = files.paths.slice(1)
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    const dialog = importDialog(page)
    await expect(dialog.getByRole('status')).toHaveText('0 imported, 1 refused')
    await expect(dialog).not.toContainText('Check the details of each imported article')
    await expect(fileRows(page)).toHaveCount(1)
    await expect(fileRows(page).first()).toContainText('Refused')
    await expect(fileRows(page).first()).toContainText(/photo\.jpg is not a format Liner Notes can import/)
    await expect(fileRows(page).first().getByRole('link')).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(library.rows).toHaveCount(SEEDED)
    expect((await app.readLibrary()).articles).toHaveLength(SEEDED)

    // Beside an imported file, the refused one comes first.
    app.nextOpenPaths = files.paths
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(dialog.getByRole('status')).toHaveText('1 imported, 1 refused')
    await expect(fileRows(page).nth(0)).toContainText('photo.jpg')
    await expect(fileRows(page).nth(1)).toContainText('conductor.md')
  } finally {
    await files.remove()
  }
})

test('a long drop shows its progress and can be cancelled; what was not reached is listed as not imported', async ({ app }) => {
  const { page } = app
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    for (let i = 1; i <= 400; i++) transfer.items.add(new File([`Note ${i}\n\nA festival diary entry, number ${i}, on a film seen late.\n`], `note-${i}.txt`))
    return transfer
  })
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  const dialog = importDialog(page)
  await expect(dialog.getByText(/^Importing — \d+ of 400$/)).toBeVisible()
  await expect(dialog.getByRole('progressbar', { name: 'Importing' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ imported, \d+ refused$/)
  const [imported, refused] = ((await dialog.getByRole('status').innerText()).match(/\d+/g) ?? []).map(Number)
  expect(imported! + refused!).toBe(400)
  expect(refused).toBeGreaterThan(0)
  await expect(fileRows(page).first()).toContainText(/note-\d+\.txt was not imported: the import was cancelled\./)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(new LibraryPage(page).rows.first()).toBeVisible()
  expect((await app.readLibrary()).articles).toHaveLength(SEEDED + imported!)
})

test('File › Import Annotations… places a Web Annotation file on the matching article and lists what it could not place', async ({ app }) => {
  const file = join(app.exportDir, 'annotations.json')
  const target = (exact: string) => ({
    source: 'liner-notes://open/000_ad238df8b954e232',
    selector: [{ type: 'TextQuoteSelector', exact }]
  })
  await writeFile(
    file,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [
        { type: 'Annotation', id: 'a1', target: target('Master Conductor'), body: [{ type: 'TextualBody', purpose: 'tagging', value: 'craft' }] },
        { type: 'Annotation', id: 'a2', target: target('words that are not in this interview at all') }
      ]
    })
  )
  app.nextOpenPath = file
  await sendAppCommand(app.page, 'import-annotations')
  const dialog = app.page.getByRole('dialog', { name: 'Import annotations' })
  await dialog.getByRole('button', { name: 'Choose file…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Placed 1 highlight, with 0 notes; 1 new theme. 1 annotation could not be placed:')
  await expect(dialog.getByRole('list', { name: 'Annotations not placed' })).toContainText('a2')
  await dialog.getByRole('button', { name: 'Close' }).click()
  const stored = await app.readLibrary()
  expect(stored.highlights.map((h) => h.quote.exact)).toEqual(['Master Conductor'])
  expect(stored.themes.map((t) => t.name)).toContain('craft')
})

test('annotations whose address matches no article are placed on the article the user picks', async ({ app }) => {
  const file = join(app.exportDir, 'hypothesis.json')
  await writeFile(
    file,
    JSON.stringify([
      { id: 'h1', uri: 'https://example.org/elsewhere', tags: ['rhythm'], text: 'A drummer’s film.', target: [{ source: 'https://example.org/elsewhere', selector: [{ type: 'TextQuoteSelector', exact: 'Master Conductor' }] }] }
    ])
  )
  app.nextOpenPath = file
  await sendAppCommand(app.page, 'import-annotations')
  const dialog = app.page.getByRole('dialog', { name: 'Import annotations' })
  await dialog.getByLabel('Place the annotations on').selectOption({ label: '‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director' })
  await dialog.getByRole('button', { name: 'Choose file…' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Placed 1 highlight, with 1 note; 1 new theme.')
  const stored = await app.readLibrary()
  expect(stored.highlights).toEqual([expect.objectContaining({ articleId: '000_ad238df8b954e232', quote: expect.objectContaining({ exact: 'Master Conductor' }) })])
})

test('the import limits are set in the summary and kept by the next import', async ({ app }) => {
  const { page } = app
  const drop = async (name: string, content: string): Promise<void> => {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, text]) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text!], fileName!, { type: 'text/plain' }))
        return transfer
      },
      [name, content]
    )
    await page.dispatchEvent('main', 'drop', { dataTransfer })
  }
  await drop('notes.txt', NOTES_TXT)
  await expect(importDialog(page).getByRole('status').first()).toHaveText('1 imported')
  await importDialog(page).getByText('Import limits').click()
  const size = importDialog(page).getByRole('spinbutton', { name: 'Largest file (MB)' })
  await expect(size).toHaveValue('200')
  await expect(importDialog(page).getByRole('spinbutton', { name: 'Longest read (seconds)' })).toHaveValue('60')
  await size.fill('0')
  await expect(importDialog(page).getByRole('button', { name: 'Save limits' })).toBeDisabled()
  await size.fill('1')
  await importDialog(page).getByRole('button', { name: 'Save limits' }).click()
  await expect(importDialog(page).getByText('Saved: the next import keeps to these limits.')).toBeVisible()
  await importDialog(page).getByRole('button', { name: 'Close' }).click()
  await expect.poll(async () => (await app.readLibrary()).preferences).toMatchObject({ importMaxMegabytes: 1, importMaxSeconds: 60 })

  await drop('long.txt', 'Words enough to fill a page. '.repeat(75_000))
  await expect(fileRows(page).filter({ hasText: 'long.txt' })).toContainText('long.txt is larger than 1 MB, the most Liner Notes imports at once; it was not read.')
})
