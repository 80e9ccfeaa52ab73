import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const JACKSONS = 'The Jacksons walked so BTS could dance.'
const OVERLAP = 'summed up with a cheeky line: “The Jacksons walked'

async function openFeature(page: Page): Promise<ReaderPage> {
  await new LibraryPage(page).open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  await expect(reader.paragraphs.first()).toBeVisible()
  return reader
}

interface StoredHighlight {
  id: string
  quote: { exact: string }
  themeIds: string[]
}

test('highlight a passage, tag it with heritage and a new theme, and find it intact after a restart', async ({ app }) => {
  const reader = await openFeature(app.page)
  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)

  await reader.themeInput.fill('herit')
  await expect(app.page.getByRole('option', { name: 'heritage' })).toBeVisible()
  // The first match is highlighted as the user types: Enter takes it.
  await reader.themeInput.press('Enter')
  await reader.themeInput.fill('Jackson family legacy')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme Jackson family legacy' })).toBeVisible()
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()

  await app.relaunch()
  const mark = reader.mark(/The Jacksons walked so BTS could dance\./)
  await expect(mark).toHaveAccessibleName(`Highlight “${JACKSONS}”, themes: heritage, Jackson family legacy`)
  await expect(mark).toHaveText(JACKSONS)
  const stored = await app.readLibrary()
  expect(stored.highlights).toHaveLength(1)
  expect(stored.highlights[0]!.quote.exact).toBe(JACKSONS)
  const names = stored.highlights[0]!.themeIds.map((id) => stored.themes.find((t) => t.id === id)?.name)
  expect(names).toEqual(['heritage', 'Jackson family legacy'])
})

test('overlapping highlights render distinctly and each stays clickable; delete and undo', async ({ app }) => {
  const reader = await openFeature(app.page)
  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('identity')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme identity' })).toBeVisible()

  await reader.select(OVERLAP)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight in green' }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(OVERLAP)
  expect(await reader.highlightCount()).toBe(2)

  // The shared words carry both highlights; each highlight keeps a part of its own to click.
  const shared = reader.text.locator('mark.overlap')
  await expect(shared).toHaveText('The Jacksons walked')
  await expect(shared).toHaveAttribute('data-highlight-ids', /\S+ \S+/)
  await reader.text.locator('mark', { hasText: 'so BTS could dance.' }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
  await reader.text.locator('mark', { hasText: 'summed up with a cheeky line' }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(OVERLAP)

  // Type a note, delete at once, then undo with the keyboard: it returns with its theme and its note.
  await reader.panel.getByRole('button', { name: /^Open highlight “The Jacksons/ }).click()
  await reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' }).click()
  await app.page.keyboard.type('Typed just before deleting.')
  await reader.openHighlight.getByRole('button', { name: 'Delete highlight' }).click()
  await expect.poll(() => reader.highlightCount()).toBe(1)
  await expect(app.page.getByRole('status').filter({ hasText: 'Highlight deleted.' })).toBeVisible()
  expect((await app.readLibrary()).highlights).toHaveLength(1)
  await reader.text.focus()
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => reader.highlightCount()).toBe(2)
  await expect(reader.mark(/^Highlight “The Jacksons walked so BTS/)).toHaveAccessibleName(`Highlight “${JACKSONS}”, themes: identity`)
  expect((await app.readLibrary()).highlights).toHaveLength(2)
  await reader.panel.getByRole('button', { name: /^Open highlight “The Jacksons/ }).click()
  await expect(reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' })).toHaveText('Typed just before deleting.')
})

test('the whole highlighting flow works from the keyboard', async ({ app }) => {
  const reader = await openFeature(app.page)
  await reader.text.focus()
  await app.page.keyboard.press('ArrowDown')
  await app.page.keyboard.press('ArrowDown')
  await app.page.keyboard.press('Shift+ArrowDown')
  await expect(reader.selectionToolbar).toBeVisible()
  await app.page.keyboard.press('h')
  await expect(reader.themeInput).toBeFocused()
  await app.page.keyboard.type('fatherhood')
  await app.page.keyboard.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme fatherhood' })).toBeVisible()
  const quote = await reader.openHighlight.locator('blockquote').innerText()
  expect(quote).toMatch(/^“K-Pops!” — released Feb\. 27/)
  // Escape first closes the theme list (if open), then the highlight, and focus returns to the text.
  for (let i = 0; i < 3 && (await reader.openHighlight.count()) > 0; i++) await app.page.keyboard.press('Escape')
  await expect(reader.openHighlight).toHaveCount(0)
  await expect(reader.text).toBeFocused()
  await expect(reader.mark(/^Highlight ““K-Pops!” — released/)).toHaveAccessibleName(/themes: fatherhood$/)
})

test('merging two themes adds up their counts and keeps every highlight', async ({ app }) => {
  const reader = await openFeature(app.page)
  for (const [phrase, theme] of [
    [JACKSONS, 'heritage'],
    ['sends Paak on a music-filled father-son journey across Seoul', 'fatherhood'],
    ['taps into his own South Korean heritage', 'heritage']
  ] as const) {
    await reader.select(phrase)
    await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText(phrase)
    await reader.themeInput.fill(theme)
    await reader.themeInput.press('Enter')
    await expect(reader.openHighlight.getByRole('button', { name: `Remove theme ${theme}` })).toBeVisible()
  }
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  const codebook = app.page.getByRole('main')
  await expect(codebook.getByRole('link', { name: '2 highlights in 1 article' })).toBeVisible()
  await expect(codebook.getByRole('link', { name: '1 highlight in 1 article' })).toBeVisible()

  await codebook.getByRole('combobox', { name: 'Merge fatherhood into…' }).selectOption({ label: 'heritage' })
  const dialog = app.page.getByRole('dialog')
  await expect(dialog).toContainText('fatherhood')
  await dialog.getByRole('button', { name: 'Merge themes' }).click()
  await expect(dialog).toBeHidden()
  await expect(codebook.getByRole('textbox', { name: 'Name of fatherhood' })).toHaveCount(0)
  await expect(codebook.getByRole('link', { name: '3 highlights in 1 article' })).toBeVisible()

  const stored = await app.readLibrary()
  expect(stored.highlights).toHaveLength(3)
  const heritage = stored.themes.find((t) => t.name === 'heritage')!
  expect(stored.highlights.every((h) => h.themeIds.includes(heritage.id))).toBe(true)

  await codebook.getByRole('link', { name: '3 highlights in 1 article' }).click()
  await expect(app.page.getByRole('blockquote')).toHaveCount(3)
  await app.page.getByRole('link', { name: 'Open at passage' }).first().click()
  await expect(reader.openHighlight).toBeVisible()
})

test('a selection across paragraphs is one highlight, and several highlights take a theme at once', async ({ app }) => {
  const reader = await openFeature(app.page)
  await reader.selectAcross('cultures blend.', '“K-Pops!” — released Feb. 27')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight in blue' }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(/^cultures blend\.\s+“K-Pops!” — released Feb\. 27$/)
  const stored = await app.readLibrary()
  expect(stored.highlights[0]!.quote.exact).toBe('cultures blend.\n\n“K-Pops!” — released Feb. 27')
  await expect(reader.text.locator('mark')).toHaveCount(2) // one mark in each paragraph

  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
  await reader.openHighlight.getByRole('button', { name: 'Close' }).click()
  for (const box of await reader.panel.getByRole('checkbox', { name: /^Select highlight/ }).all()) await box.check()
  await reader.panel.getByRole('combobox', { name: 'Add theme to selected' }).selectOption({ label: 'filmmaking' })
  await expect(reader.panel.getByRole('listitem').filter({ hasText: 'filmmaking' })).toHaveCount(2)
  const after = await app.readLibrary()
  const filmmaking = after.themes.find((t) => t.name === 'filmmaking')!
  expect(after.highlights.every((h) => h.themeIds.includes(filmmaking.id))).toBe(true)
  await reader.panel.getByRole('combobox', { name: 'Remove theme from selected' }).selectOption({ label: 'filmmaking' })
  await expect(reader.panel.getByRole('listitem').filter({ hasText: 'filmmaking' })).toHaveCount(0)
})
