import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'
import { sendAppCommand } from './support/bridge'

const JACKSONS = 'The Jacksons walked so BTS could dance.'

interface StoredLibrary {
  highlights: { id: string; quote: { exact: string }; note: unknown }[]
  notes: { id: string; title: string; doc: unknown }[]
}

async function highlightJacksons(page: Page): Promise<ReaderPage> {
  await new LibraryPage(page).open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
  return reader
}

async function openNotes(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click()
  await expect(page.getByRole('heading', { name: 'Notes', level: 1 })).toBeVisible()
}

test('a formatted note on a highlight keeps its formatting after a restart', async ({ app }) => {
  const reader = await highlightJacksons(app.page)
  const note = reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' })
  await note.click()
  // Markdown-style shortcuts, as a writer types them.
  await app.page.keyboard.type('## Lineage\nThe line is **cheeky** and *exact*.\n- Jacksons\nBTS')
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(reader.openHighlight.getByText(/^\d+ words$/)).toHaveText('9 words')

  await app.relaunch()
  await reader.panel.getByRole('button', { name: /^Open highlight “The Jacksons/ }).click()
  const reopened = reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' })
  await expect(reopened.getByRole('heading', { level: 2 })).toHaveText('Lineage')
  await expect(reopened.locator('strong')).toHaveText('cheeky')
  await expect(reopened.locator('em')).toHaveText('exact')
  await expect(reopened.getByRole('listitem')).toHaveText(['Jacksons', 'BTS'])
  const stored = await app.readLibrary()
  expect(JSON.stringify(stored.highlights[0]!.note)).toContain('"type":"heading"')
})

test('a free-standing note quotes a highlight with its citation and leads back to the passage', async ({ app }) => {
  await highlightJacksons(app.page)
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note title' }).fill('Two lineages')
  const body = app.page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  await app.page.keyboard.type('The film says it plainly:')
  await app.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert quotation' }).click()
  const picker = app.page.getByRole('dialog', { name: 'Insert a quotation' })
  await picker.getByRole('searchbox', { name: 'Search highlights' }).fill('jacksons bts')
  await picker.getByRole('button', { name: /^Insert “The Jacksons/ }).click()
  const quotation = body.locator('figure[data-highlight-quote]')
  await expect(quotation.locator('blockquote')).toHaveText(JACKSONS)
  await expect(quotation.locator('figcaption')).toContainText('— Anderson .Paak’s directorial film debut is reigniting')
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(app.page.getByRole('link', { name: /^Two lineages/ })).toBeVisible()

  const stored = await app.readLibrary()
  expect(stored.notes).toHaveLength(1)
  expect(JSON.stringify(stored.notes[0]!.doc)).toContain(`"quote":"${JACKSONS}"`)

  // The note on its own, as Markdown: its words, the quotation verbatim with its citation.
  await app.page.getByRole('button', { name: 'Export note…' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: /^Exported to .*note-two-lineages\.md\.$/ })).toBeVisible()
  const markdown = await readFile(join(app.exportDir, 'note-two-lineages.md'), 'utf8')
  expect(markdown).toContain('The film says it plainly:')
  expect(markdown).toContain(`> ${JACKSONS}`)
  expect(markdown).toMatch(/— Anderson \.Paak’s directorial film debut is reigniting/)

  await quotation.getByRole('button', { name: 'Open passage' }).click()
  const reader = new ReaderPage(app.page)
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
  await expect(reader.mark(/The Jacksons walked/)).toBeInViewport()
})

test('a quotation whose passage was corrected since says so and can be refreshed from its highlight', async ({ app }) => {
  const { page } = app
  await highlightJacksons(page)
  await openNotes(page)
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Lineages')
  const body = page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert quotation' }).click()
  const picker = page.getByRole('dialog', { name: 'Insert a quotation' })
  await picker.getByRole('searchbox', { name: 'Search highlights' }).fill('jacksons bts')
  await picker.getByRole('button', { name: /^Insert “The Jacksons/ }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Lineages/ })).toBeVisible()
  const quotation = body.locator('figure[data-highlight-quote]')
  await expect(quotation.getByRole('note')).toHaveCount(0)

  // The article's text is corrected inside the quoted words; the highlight follows them.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await new LibraryPage(page).open(/directorial film debut is reigniting/)
  await page.getByRole('button', { name: 'Correct text' }).click()
  const editor = page.getByRole('textbox', { name: 'Corrected text' })
  await editor.fill((await editor.inputValue()).replace(JACKSONS, 'The Jacksons walked so that BTS could dance.'))
  await page.getByRole('button', { name: 'Save correction' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Correction saved' })).toContainText('1 highlight placed')

  await openNotes(page)
  await page.getByRole('link', { name: /^Lineages/ }).click()
  await expect(quotation.getByRole('note')).toContainText('The article’s text now reads differently here: “The Jacksons walked so that BTS could dance.”')
  await quotation.getByRole('button', { name: 'Refresh quotation' }).click()
  await expect(quotation.locator('blockquote')).toHaveText('The Jacksons walked so that BTS could dance.')
  await expect(quotation.getByRole('note')).toHaveCount(0)
  await expect.poll(async () => JSON.stringify((await app.readLibrary()).notes[0]?.doc)).toContain('"quote":"The Jacksons walked so that BTS could dance."')
})

test('a quotation whose highlight is deleted keeps its text and says its source is gone', async ({ app }) => {
  const reader = await highlightJacksons(app.page)
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note text' }).click()
  await app.page.getByRole('button', { name: 'Insert quotation' }).click()
  await app.page.getByRole('dialog', { name: 'Insert a quotation' }).getByRole('button', { name: /^Insert “The Jacksons/ }).click()
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  const noteUrl = app.page.url()

  await app.page.goBack()
  await app.page.goBack()
  await reader.panel.getByRole('button', { name: /^Open highlight “The Jacksons/ }).click()
  await reader.openHighlight.getByRole('button', { name: 'Delete highlight' }).click()
  await expect.poll(() => reader.highlightCount()).toBe(0)

  await app.page.goto(noteUrl)
  const quotation = app.page.getByRole('textbox', { name: 'Note text' }).locator('figure[data-highlight-quote]')
  await expect(quotation.locator('blockquote')).toHaveText(JACKSONS)
  await expect(quotation.getByRole('note')).toHaveText('Source highlight deleted; the quotation keeps its text.')
})

test('pasted HTML is reduced to the note schema: nothing runs, loads or is stored', async ({ app }) => {
  const dialogs: string[] = []
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const requests: string[] = []
  app.page.on('request', (request) => requests.push(request.url()))
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  const body = app.page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  const html =
    '<p>Kept <b>bold</b> text.</p><img src="x" onerror="window.__pasted=1;alert(1)"><script>window.__pasted=2;alert(2)</script>' +
    '<img src="https://tracker.example/pixel.gif"><a href="javascript:alert(3)">a trap</a><p onclick="alert(4)">Also kept.</p>'
  await body.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted)
    data.setData('text/plain', 'Kept bold text.')
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
  await expect(body.locator('strong')).toHaveText('bold')
  await expect(body).toContainText('Also kept.')
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await app.page.waitForTimeout(300) // give an image or script every chance to load or run

  expect(dialogs).toEqual([])
  expect(await app.page.evaluate(() => (window as unknown as { __pasted?: number }).__pasted)).toBeUndefined()
  // The cleaner parses the paste in an inert document; Chromium still checks the inline handlers it
  // meets there against the CSP, which refuses them. Those refusals are the CSP backing the cleaner up.
  const refused = app.problems.splice(0)
  expect(refused.every((problem) => problem.startsWith('Executing inline event handler') && problem.endsWith('The action has been blocked.'))).toBe(true)
  expect(requests.filter((url) => !url.startsWith(new URL(app.page.url()).origin))).toEqual([])
  expect(requests.filter((url) => /\/x$|pixel/.test(url))).toEqual([])
  expect(await body.locator('img, script, [onerror], [onclick], a[href^="javascript"]').count()).toBe(0)
  const stored = JSON.stringify((await app.readLibrary()).notes[0]!.doc)
  expect(stored).toContain('Kept ')
  expect(stored).not.toMatch(/img|script|onerror|onclick|javascript|tracker/i)
})

test('a note can be renamed, deleted and brought back with undo', async ({ app }) => {
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note title' }).fill('Outline')
  await app.page.getByRole('textbox', { name: 'Note text' }).click()
  await app.page.keyboard.type('First point.')
  await expect(app.page.getByRole('link', { name: /^Outline/ })).toBeVisible()
  await app.page.getByRole('button', { name: 'Delete note' }).click()
  await expect(app.page.getByRole('link', { name: /^Outline/ })).toHaveCount(0)
  expect((await app.readLibrary()).notes).toHaveLength(0)
  await app.page.getByRole('status').filter({ hasText: 'deleted' }).getByRole('button', { name: 'Undo' }).click()
  await expect(app.page.getByRole('link', { name: /^Outline/ })).toBeVisible()
  await expect(app.page.getByRole('textbox', { name: 'Note text' })).toHaveText('First point.')
  expect((await app.readLibrary()).notes).toHaveLength(1)
})

test('a save that fails tells the user and keeps the text in the editor', async ({ app }) => {
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  const body = app.page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  await app.page.keyboard.type('Draft one.')
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  // The note disappears underneath the editor (another window, a sync), so the next save cannot land.
  const noteId = decodeURIComponent(app.page.url().split('/notes/')[1]!)
  await app.request('notes:delete', { id: noteId })
  await app.page.keyboard.type(' Draft two.')
  await expect(app.page.getByRole('alert')).toContainText('Not saved:')
  await expect(app.page.getByRole('alert')).toContainText('Your text is kept here.')
  await expect(body).toHaveText('Draft one. Draft two.')
})

test('closing the window saves what was typed a moment before', async ({ app }) => {
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note text' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await app.page.keyboard.type('Last thought before closing.')
  // The window closes at once: no time for the autosave's pause after typing.
  await sendAppCommand(app.page, 'prepare-to-close')
  await expect.poll(() => app.readyToClose).toBe(1)
  expect(JSON.stringify((await app.readLibrary()).notes[0]!.doc)).toContain('Last thought before closing.')
})

test('closing with a save that failed asks before losing it', async ({ app }) => {
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note text' }).click()
  await app.page.keyboard.type('Kept.')
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  const noteId = decodeURIComponent(app.page.url().split('/notes/')[1]!)
  await app.request('notes:delete', { id: noteId }) // the next save of this note cannot land
  await app.page.keyboard.type(' Not savable.')
  await sendAppCommand(app.page, 'prepare-to-close')
  const ask = app.page.getByRole('dialog', { name: 'Some changes are not saved' })
  await expect(ask).toBeVisible()
  expect(app.keptOpen).toBe(1)
  expect(app.readyToClose).toBe(0)
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.page.getByRole('textbox', { name: 'Note text' })).toHaveText('Kept. Not savable.')
  await sendAppCommand(app.page, 'prepare-to-close')
  await ask.getByRole('button', { name: 'Close anyway' }).click()
  await expect.poll(() => app.readyToClose).toBe(1)
})

test('the notes list and the editor count a note’s words the same way', async ({ app }) => {
  const { page } = app
  const doc = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'K-Pops! is a film — “Come Home” (feat. André 3000), a father–son story.' }] }] }
  const note = await app.request('notes:create', { title: 'Counting', doc })
  await page.goto(`${new URL(page.url()).origin}/#/notes/${note.id}`)
  const listed = page.getByRole('complementary', { name: 'All notes' }).getByRole('link', { name: /Counting/ })
  const inList = Number(/(\d+) words/.exec(await listed.innerText())?.[1])
  await expect(page.getByRole('region', { name: 'Note' }).getByText(/^\d+ words$/)).toHaveText(`${inList} words`)
  expect(inList).toBe(14)
})

test('a note opens beside the article, is written there with a quotation, and stays chosen', async ({ app }) => {
  const { page } = app
  await highlightJacksons(page)
  await page.getByRole('region', { name: 'Open highlight' }).getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Note beside' }).click()
  await expect(page.getByRole('button', { name: 'Note beside' })).toHaveAttribute('aria-pressed', 'true')
  const beside = page.getByRole('complementary', { name: 'Note beside the article' })
  await expect(beside.getByText('No notes yet.')).toBeVisible()
  await beside.getByRole('button', { name: 'New note' }).click()
  const body = beside.getByRole('textbox', { name: 'Note beside the article' })
  await body.click()
  await page.keyboard.type('Lineage, said plainly:')
  await beside.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert quotation' }).click()
  const picker = page.getByRole('dialog', { name: 'Insert a quotation' })
  await picker.getByRole('searchbox', { name: 'Search highlights' }).fill('jacksons')
  await picker.getByRole('button', { name: /^Insert “The Jacksons/ }).click()
  await expect(body.locator('figure[data-highlight-quote] blockquote')).toHaveText(JACKSONS)
  await expect(beside.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  // The article is still there to read beside it.
  await expect(new ReaderPage(page).text).toBeVisible()
  const stored = await app.readLibrary()
  expect(stored.notes).toHaveLength(1)
  expect(JSON.stringify(stored.notes[0]!.doc)).toContain('Lineage, said plainly:')

  // The next article opens with the same note beside it.
  await page.getByRole('button', { name: 'Next article' }).click()
  await expect(beside.getByRole('combobox', { name: 'Note' })).toHaveValue(stored.notes[0]!.id)
  await expect(beside.getByRole('textbox', { name: 'Note beside the article' })).toContainText('Lineage, said plainly:')
  await beside.getByRole('button', { name: 'Close note' }).click()
  await expect(page.getByRole('complementary', { name: 'Highlights' })).toBeVisible()
})

test('typing "> " over and over nests quotations only as deep as a note may go; the rest stays text', async ({ app }) => {
  await openNotes(app.page)
  await app.page.getByRole('button', { name: 'New note' }).click()
  const body = app.page.getByRole('textbox', { name: 'Note text' })
  await body.click()
  for (let i = 0; i < 120; i++) await app.page.keyboard.type('> ')
  await app.page.keyboard.type('deep')
  // doc (1) > 97 quotations > paragraph (99) > its text (100): MAX_NOTE_DEPTH, and no deeper.
  await expect(body.locator('blockquote')).toHaveCount(97)
  await expect(body.locator('p').filter({ hasText: 'deep' })).toHaveText(/^(> )+deep$/)
  // And a note this deep is saved, and comes back whole.
  await expect(app.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect.poll(async () => JSON.stringify((await app.readLibrary()).notes[0]?.doc)).toContain('deep')
})
