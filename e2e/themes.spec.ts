import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
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
