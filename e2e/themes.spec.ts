import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'
import { sendAppCommand } from './support/bridge'

test('a theme description typed just before closing the window is saved', async ({ app }) => {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  const description = app.page.getByRole('textbox', { name: 'Description of filmmaking' })
  await description.fill('Directing a first feature, and acting in it.')
  // No blur, no Enter: the window closes with the draft still in the field.
  await sendAppCommand(app.page, 'prepare-to-close')
  await expect.poll(() => app.readyToClose).toBe(1)
  const stored = await app.readLibrary()
  expect(stored.themes.find((t) => t.name === 'filmmaking')?.description).toBe('Directing a first feature, and acting in it.')
})

test('a theme’s passages show who says each, its note, and more of the text around it on demand', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(/Master Conductor/)
  const reader = new ReaderPage(page)
  await reader.select('Working with Missy')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('heritage')
  await reader.themeInput.press('Enter')
  await reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' }).click()
  await page.keyboard.type('Missy as lineage.')
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  await page.goto(`${page.url().split('#')[0]}#/themes/theme-heritage`)
  const passage = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Open at passage' }) })
  await expect(passage).toHaveCount(1)
  await expect(passage.getByText('Anderson .Paak', { exact: true })).toBeVisible()
  await expect(passage.getByText('Missy as lineage.')).toBeVisible()
  await expect(passage.locator('blockquote')).toHaveText('Working with Missy')
  await passage.getByRole('button', { name: 'More context' }).click()
  await expect(passage.locator('blockquote')).toContainText('ensemble is wild')
  await expect(passage.locator('blockquote mark')).toHaveText('Working with Missy')
  await passage.getByRole('button', { name: 'Less context' }).click()
  await expect(passage.locator('blockquote')).toHaveText('Working with Missy')
})
