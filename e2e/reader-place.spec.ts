// The reader keeps the user's place: Escape clears a selection before it leaves the article, an article
// reopens where it was left, and the theme box adds the highlighted match on Enter (creating a theme
// only through its own option).
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const COLLIDER_TITLE = /Master Conductor/

test('Escape with text selected clears the selection and stays; the next Escape leaves the article', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Working with Missy')
  await page.keyboard.press('Escape')
  await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed ?? true)).toBe(true)
  await expect(reader.text).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(new LibraryPage(page).table).toBeVisible()
})

test('an article reopens where it was left', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await expect(reader.text).toBeVisible()
  await page.mouse.wheel(0, 3000)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(2000)
  const left = await page.evaluate(() => window.scrollY)
  await page.waitForTimeout(400) // the position is kept a moment after scrolling stops
  await page.getByRole('button', { name: '← Library' }).click()
  await new LibraryPage(page).open(COLLIDER_TITLE)
  await expect(reader.text).toBeVisible()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(left - 50)
  // Another article still opens at its top.
  await page.getByRole('button', { name: 'Next article' }).click()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50)
})

test('the theme box adds the highlighted match on Enter, and creates a theme only through its own option', async ({ app }) => {
  const { page } = app
  const before = (await app.request('themes:list', {})).length
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('herit')
  await expect(page.getByRole('option', { name: /heritage/ }).first()).toHaveAttribute('aria-selected', 'true')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()
  expect((await app.request('themes:list', {})).length).toBe(before)

  await reader.themeInput.fill('memory lane')
  const create = page.getByRole('option', { name: 'Create theme “memory lane”' })
  await expect(create).toBeVisible()
  await expect(create).toHaveAttribute('aria-selected', 'true')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme memory lane' })).toBeVisible()
  expect((await app.request('themes:list', {})).map((t) => t.name)).toContain('memory lane')

  // The library counts each article's highlights.
  await page.getByRole('button', { name: '← Library' }).click()
  const library = new LibraryPage(page)
  await expect(library.table.getByRole('columnheader', { name: 'Highlights' })).toBeVisible()
  await expect(library.rows.filter({ hasText: 'Master Conductor' }).getByRole('cell').last()).toHaveText('1')
})

test('keyboard highlighting starts at the first sentence in view, not at the top of the article', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await expect(reader.text).toBeVisible()
  const paragraph = reader.text.locator('p', { hasText: 'Working with Missy' })
  await paragraph.evaluate((p) => p.scrollIntoView({ block: 'start' }))
  await reader.text.evaluate((root) => (root as HTMLElement).focus({ preventScroll: true }))
  const before = await page.evaluate(() => window.scrollY)
  expect(before).toBeGreaterThan(2000)
  await page.keyboard.press('ArrowDown')
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  expect(selected.length).toBeGreaterThan(0)
  // The sentence chosen is on screen, and the view stayed where the reader was.
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(400)
  const text = (await app.request('articles:get', { id: '000_ad238df8b954e232' })).text!
  expect(text.indexOf(selected)).toBeGreaterThan(text.indexOf('Working with Missy') - 2000)
})

for (const width of [1000, 700]) {
  test(`at ${width} px wide the highlight panel stays in view when a highlight is chosen`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height: 800 })
    await new LibraryPage(page).open(COLLIDER_TITLE)
    const reader = new ReaderPage(page)
    await reader.select('Working with Missy')
    await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight).toBeVisible()
    await page.keyboard.press('Escape')
    const mark = reader.mark(/Working with Missy/)
    await mark.scrollIntoViewIfNeeded()
    const before = await page.evaluate(() => window.scrollY)
    await mark.click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText('Working with Missy')
    await expect(page.getByRole('complementary', { name: 'Highlights' })).toBeInViewport()
    await expect(mark).toBeInViewport()
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(300)
  })
}

test('undo still brings a deleted highlight back after visiting another page', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('heritage')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()
  await reader.openHighlight.getByRole('button', { name: 'Delete highlight' }).click()
  await expect.poll(() => reader.highlightCount()).toBe(0)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  await expect(page).toHaveURL(/#\/themes$/)
  await page.goBack()
  await expect(reader.text).toBeVisible()
  await reader.text.focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => reader.highlightCount()).toBe(1)
  await expect(reader.mark(/Working with Missy/)).toHaveAccessibleName(/themes: heritage$/)
  expect((await app.readLibrary()).highlights).toHaveLength(1)
})

test('taking a theme off a highlight can be undone, after visiting another page too', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('heritage')
  await reader.themeInput.press('Enter')
  await reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Theme removed from the highlight.' })).toBeVisible()
  await expect.poll(async () => (await app.readLibrary()).highlights[0]?.themeIds).toEqual([])

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  await expect(page).toHaveURL(/#\/themes$/)
  await page.goBack()
  await expect(reader.text).toBeVisible()
  await reader.text.focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(reader.mark(/Working with Missy/)).toHaveAccessibleName(/themes: heritage$/)
  await expect.poll(async () => (await app.readLibrary()).highlights[0]?.themeIds).toEqual(['theme-heritage'])
})

test('the panel shows who says a passage and lets the user set it by hand, kept after a restart', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  const speaker = reader.openHighlight.getByRole('combobox', { name: 'Speaker' })
  await expect(speaker.locator('option:checked')).toHaveText('From the text: Anderson .Paak')

  await speaker.selectOption({ label: 'Another name…' })
  await reader.openHighlight.getByRole('textbox', { name: 'Speaker’s name' }).fill('Missy Elliott')
  await reader.openHighlight.getByRole('button', { name: 'Set speaker' }).click()
  await expect(speaker.locator('option:checked')).toHaveText('Missy Elliott')
  await expect(reader.openHighlight.getByText('Set by hand; exports and search use it.')).toBeVisible()
  await expect.poll(async () => (await app.readLibrary()).highlights[0]?.speaker).toEqual({ name: 'Missy Elliott' })

  await app.relaunch()
  await expect(reader.text).toBeVisible()
  const again = new ReaderPage(page)
  await again.mark(/Working with Missy/).click()
  const field = again.openHighlight.getByRole('combobox', { name: 'Speaker' })
  await expect(field.locator('option:checked')).toHaveText('Missy Elliott')
  await field.selectOption({ label: 'From the text: Anderson .Paak' })
  await expect.poll(async () => (await app.readLibrary()).highlights[0]?.speaker).toBeUndefined()
})

test('Copy with citation puts the quote and where it is from on the clipboard, as text or Markdown', async ({ app }) => {
  const { page } = app
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await new LibraryPage(page).open(COLLIDER_TITLE)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy [Elliott] and stuff was really cool')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.openHighlight.getByRole('button', { name: 'Copy with citation' }).click()
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: 'Copied with its citation.' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '“Working with Missy [Elliott] and stuff was really cool” — Anderson .Paak, in Collider, ‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director, Sep 27, 2024'
  )
  await reader.openHighlight.getByRole('button', { name: 'Copy as Markdown' }).click()
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: 'Copied as Markdown' })).toBeVisible()
  const markdown = await page.evaluate(() => navigator.clipboard.readText())
  expect(markdown).toMatch(/^> Working with Missy \[Elliott\] and stuff was really cool\n>\n> — Anderson \.Paak, in Collider, .*\(\[open\]\(liner-notes:\/\/open\/000_ad238df8b954e232\/hl-[\w-]+\)\)\n$/)
})
