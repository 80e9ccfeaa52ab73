// Every view and dialog of the app, in light and in dark, checked with axe: a serious or critical
// violation (too little contrast, a control without a name, a broken ARIA pattern) fails the suite.
// One walk through the app per colour scheme keeps the file quick; each view's findings are collected
// with soft assertions, so one run names every problem at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'
import { sendAppCommand } from './support/bridge'

const JACKSONS = 'The Jacksons walked so BTS could dance.'
const FEATURE = /directorial film debut is reigniting/
const GATED = new Set(['serious', 'critical'])

/** Runs axe over the page as it is now; a soft failure lists each serious or critical finding. */
async function checkView(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const found = violations
    .filter((violation) => GATED.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')
        return `${violation.id} (${violation.impact}): ${violation.help}, at ${node.target.join(' ')}. ${summary}`
      })
    )
  expect.soft(found, `${view}: serious or critical accessibility violations`).toEqual([])
}

const nav = (page: Page, name: string): Promise<void> => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme}`, () => {
    test(`every view has no serious or critical accessibility violations (${colorScheme})`, async ({ app }) => {
      test.setTimeout(180_000) // about a minute and a half on a busy two-core machine
      const { page } = app
      await page.emulateMedia({ colorScheme })
      const library = new LibraryPage(page)
      await expect(library.rows).toHaveCount(5)
      // The app follows the system's scheme unless told otherwise: make sure this run is in the one asked for.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme === 'dark')).toBe(colorScheme === 'dark')

      // The list, with an article ticked so the toolbar of what can be done with it shows too.
      await page.getByRole('checkbox', { name: /^Select Culture influences everything/ }).check()
      await expect(page.getByRole('toolbar', { name: 'Selected articles' })).toBeVisible()
      await checkView(page, 'library')
      await page.getByRole('checkbox', { name: /^Select Culture influences everything/ }).uncheck()

      await page.keyboard.press('Control+k')
      const search = page.getByRole('dialog', { name: 'Search' })
      await search.getByRole('combobox', { name: 'Search' }).fill('fath')
      await expect(search.getByRole('group', { name: 'Articles' }).getByRole('option').first()).toBeVisible()
      await checkView(page, 'search dialog')
      await search.getByRole('button', { name: 'Close' }).click()
      await expect(search).toHaveCount(0)

      await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
      const exporting = page.getByRole('dialog', { name: 'Export' })
      await expect(exporting).toBeVisible()
      await checkView(page, 'export dialog')
      await exporting.getByRole('button', { name: 'Close', exact: true }).click()
      await expect(exporting).toHaveCount(0)

      await page.getByRole('banner').getByRole('button', { name: 'Backup…' }).click()
      const backup = page.getByRole('dialog', { name: 'Back up or restore' })
      await expect(backup).toBeVisible()
      await checkView(page, 'backup dialog')
      await backup.getByRole('button', { name: 'Close', exact: true }).click()
      await expect(backup).toHaveCount(0)

      // An import's summary: one file that becomes an article and one that cannot be read.
      const folder = await mkdtemp(join(tmpdir(), 'liner-notes-a11y-'))
      try {
        await writeFile(join(folder, 'festival-notes.txt'), 'Festival notes, day two\n\nThe late screening ran long, and nobody minded.\n')
        await writeFile(join(folder, 'cover.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))
        app.nextOpenPaths = [join(folder, 'festival-notes.txt'), join(folder, 'cover.png')]
        await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
        const summary = page.getByRole('dialog', { name: 'Import' })
        await expect(summary.getByRole('status')).toContainText('1 imported')
        await checkView(page, 'import summary')
        await summary.getByRole('button', { name: 'Close' }).click()
        await expect(summary).toHaveCount(0)
      } finally {
        await rm(folder, { recursive: true, force: true })
      }

      await sendAppCommand(page, 'paste-article')
      const paste = page.getByRole('dialog', { name: 'New article from clipboard' })
      await expect(paste).toBeVisible()
      await checkView(page, 'new article from clipboard dialog')
      await page.keyboard.press('Escape')
      await expect(paste).toHaveCount(0)

      await sendAppCommand(page, 'import-annotations')
      const annotations = page.getByRole('dialog', { name: 'Import annotations' })
      await expect(annotations).toBeVisible()
      await checkView(page, 'import annotations dialog')
      await page.keyboard.press('Escape')
      await expect(annotations).toHaveCount(0)

      // The reader, with a passage highlighted, coded and open in the highlight panel.
      await library.open(FEATURE)
      const reader = new ReaderPage(page)
      await expect(reader.paragraphs.first()).toBeVisible()
      await expect.soft(page.getByRole('heading', { level: 1, name: FEATURE }), 'the reader names the article in its main heading').toBeVisible()
      await reader.select(JACKSONS)
      await expect(reader.selectionToolbar).toBeVisible()
      await checkView(page, 'reader with a selection and its toolbar')
      await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
      await expect(reader.openHighlight.locator('blockquote')).toHaveText(JACKSONS)
      await reader.themeInput.fill('herit')
      await reader.themeInput.press('Enter')
      await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()
      await reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' }).click()
      await page.keyboard.type('Lineage, said plainly.')
      await expect(reader.openHighlight.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
      await expect(reader.openHighlight.getByRole('button', { name: 'Delete highlight' })).toBeVisible()
      await checkView(page, 'reader with the highlight panel open')

      await reader.text.click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('Control+f')
      const find = page.getByRole('searchbox', { name: 'Find in article' })
      await find.fill('film')
      await expect(page.getByRole('search', { name: 'Find in article' }).getByRole('status')).toHaveText(/^1 of \d+$/)
      await checkView(page, 'find bar')
      await find.press('Escape')
      await expect(find).toHaveCount(0)

      await nav(page, 'Themes')
      await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible()
      await checkView(page, 'themes')
      await page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Name of heritage', exact: true }) }).getByRole('link').first().click()
      await expect(page.getByRole('heading', { level: 1, name: /heritage/ })).toBeVisible()
      await expect(page.getByText(JACKSONS).first()).toBeVisible()
      await checkView(page, 'theme passages')

      await nav(page, 'Notes')
      await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible()
      await checkView(page, 'notes list')
      await page.getByRole('button', { name: 'New note' }).click()
      await page.getByRole('textbox', { name: 'Note title' }).fill('Two lineages')
      await page.getByRole('textbox', { name: 'Note text' }).click()
      await page.keyboard.type('The film says it plainly:')
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert quotation' }).click()
      const picker = page.getByRole('dialog', { name: 'Insert a quotation' })
      await expect(picker.getByRole('button', { name: /^Insert “The Jacksons/ })).toBeVisible()
      await checkView(page, 'quotation picker')
      await picker.getByRole('button', { name: /^Insert “The Jacksons/ }).click()
      await expect(picker).toHaveCount(0)
      await checkView(page, 'a note open in the editor, with a quotation')

      // An article moved to the Trash: the banner that offers Undo, the Trash, and its confirmation.
      await nav(page, 'Library')
      await library.open(FEATURE)
      await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: 'Move to Trash' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'moved to the Trash' })).toBeVisible()
      await nav(page, 'Trash')
      await expect(page.getByRole('list', { name: 'Articles in the Trash' }).getByRole('listitem')).toHaveCount(1)
      await checkView(page, 'trash, with the banner that offers Undo')
      await page.getByRole('button', { name: 'Empty Trash…' }).click()
      const confirm = page.getByRole('dialog', { name: 'Empty the Trash?' })
      await expect(confirm).toBeVisible()
      await checkView(page, 'empty the Trash confirmation')
      await confirm.getByRole('button', { name: 'Cancel' }).click()
    })
  })

  test.describe(`with a library that cannot be opened, in ${colorScheme}`, () => {
    test.use({ libraryState: 'corrupt-file' })

    test(`the error screen has no serious or critical accessibility violations (${colorScheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme })
      await expect(app.page.getByRole('heading', { name: 'The library could not be opened' })).toBeVisible()
      await checkView(app.page, 'library error screen')
    })
  })
}

test('the reader’s main heading is the article’s title, edited in place, or its opening words when it has none', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await library.open(/Master Conductor/)
  const reader = new ReaderPage(page)
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveAccessibleName('‘K-Pops!’ – Anderson .Paak Is a “Master Conductor” as a Director')
  await expect(heading.getByRole('textbox', { name: 'Title' })).toBeVisible()
  await reader.field('Title').fill('K-Pops! at TIFF')
  await expect(heading).toHaveAccessibleName('K-Pops! at TIFF')
  await reader.field('Title').fill('')
  await expect(heading).toHaveAccessibleName(/^‘K-Pops!’ – Anderson \.Paak .*…$/)
})
