import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_DIR, expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const KEPT = 'Slow and smooth. Find your rhythm.'
const TEASER = 'After 15 Years, James L. Brooks Returns With an Inane Family Drama'

test('correcting a text re-anchors its highlights, lists the lost one as unanchored, and keeps the original', async ({ app }) => {
  await new LibraryPage(app.page).open(/Master Conductor/)
  const reader = new ReaderPage(app.page)
  for (const phrase of [KEPT, TEASER]) {
    await reader.select(phrase)
    await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText(phrase)
  }
  await reader.openHighlight.getByRole('button', { name: 'Close' }).click()

  // Drop the unrelated teaser links saved at the end of the page.
  await app.page.getByRole('button', { name: 'Correct text' }).click()
  const editor = app.page.getByRole('textbox', { name: 'Corrected text' })
  const text = await editor.inputValue()
  await editor.fill(text.slice(0, text.indexOf('Publisher: Source link')))
  await app.page.getByRole('button', { name: 'Save correction' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: 'Correction saved' })).toHaveText(
    'Correction saved: 1 highlight placed; 1 could not be placed and is listed as unanchored.'
  )
  await expect(reader.text).not.toContainText(TEASER)
  await expect(reader.mark(/Slow and smooth/)).toHaveText(KEPT)
  const unanchored = reader.panel.getByRole('region', { name: 'Unanchored (1)' })
  await expect(unanchored).toContainText(TEASER)

  // The stored original is untouched, byte for byte.
  const original = await readFile(join(ARCHIVE_DIR, '000_ad238df8b954e232.txt'))
  expect((await readFile(join(app.libraryDir, 'texts', '000_ad238df8b954e232.txt'))).equals(original)).toBe(true)

  // Re-attach the lost highlight to other words, chosen by selecting them.
  await unanchored.getByRole('button', { name: /^Re-attach/ }).click()
  await reader.select('The Big Picture')
  await reader.selectionToolbar.getByRole('button', { name: 'Re-attach here' }).click()
  await expect(reader.panel.getByRole('region', { name: /^Unanchored/ })).toHaveCount(0)
  await expect(reader.mark(/The Big Picture/)).toHaveText('The Big Picture')

  // Restoring the original brings the teaser back.
  await app.page.getByRole('button', { name: 'Correct text' }).click()
  await app.page.getByRole('button', { name: 'Restore original' }).click()
  await expect(reader.text).toContainText(TEASER)
})

test('a link in a note opens in the system browser only after the user confirms', async ({ app }) => {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click()
  await app.page.getByRole('button', { name: 'New note' }).click()
  await app.page.getByRole('textbox', { name: 'Note text' }).click()
  await app.page.keyboard.type('Read https://collider.com/k-pops-interview today')
  const link = app.page.getByRole('textbox', { name: 'Note text' }).getByRole('link')
  await expect(link).toHaveAttribute('href', 'https://collider.com/k-pops-interview')
  await link.click() // a plain click only places the caret
  await expect(app.page.getByRole('dialog')).toHaveCount(0)
  await link.click({ modifiers: ['ControlOrMeta'] })
  const confirm = app.page.getByRole('dialog', { name: 'Open this link?' })
  await expect(confirm).toContainText('https://collider.com/k-pops-interview will open in your web browser.')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  expect(app.opened).toEqual([])
  await link.click({ modifiers: ['ControlOrMeta'] })
  await confirm.getByRole('button', { name: 'Open in browser' }).click()
  await expect.poll(() => app.opened).toEqual(['https://collider.com/k-pops-interview'])
})
