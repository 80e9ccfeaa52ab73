// REFI-QDA from the page: the whole library exported as a .qdpx from the export dialog, and a project in
// the shape another tool writes imported through File › Import…, its summary naming what was kept apart
// and what could not be carried.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

const JACKSONS = 'The Jacksons walked so BTS could dance.'
const SEEDED = 5

/** A project as MAXQDA or QualCoder would write it: the .qde named after the project, `Sources/`, CRLF text, a picture. */
function otherToolsProject(): Uint8Array {
  const text = 'Festival diary\r\nThe late screening of K-Pops! ran long, and nobody minded.\r\n'
  const phrase = 'nobody minded'
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Festival notes" origin="QualCoder 3.5">
  <CodeBook><Codes>
    <Code guid="10000000-0000-0000-0000-000000000001" name="heritage" isCodable="true" color="#AA5500"/>
    <Code guid="10000000-0000-0000-0000-000000000002" name="audience" isCodable="true" color="#0055AA"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="20000000-0000-0000-0000-000000000001" name="Festival diary" plainTextPath="internal://diary.txt">
      <PlainTextSelection guid="21000000-0000-0000-0000-000000000001" startPosition="${start}" endPosition="${start + phrase.length}">
        <Coding guid="22000000-0000-0000-0000-000000000001"><CodeRef targetGUID="10000000-0000-0000-0000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="20000000-0000-0000-0000-000000000002" name="poster.jpg" path="internal://poster.jpg"/>
  </Sources>
</Project>`
  return zipSync({ 'Festival notes.qde': new TextEncoder().encode(qde), 'Sources/diary.txt': new TextEncoder().encode(text) })
}

test('the library goes out as a REFI-QDA project from the export dialog, and another tool’s project comes in through Import…', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await library.open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  await reader.select(JACKSONS)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('heritage')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export' })
  await exportDialog.getByRole('radio', { name: /^REFI-QDA project/ }).check()
  await expect(exportDialog.getByRole('radio', { name: 'The whole library', exact: true })).toBeChecked()
  await expect(exportDialog.getByRole('radio', { name: 'One article', exact: true })).toBeDisabled()
  await exportDialog.getByRole('button', { name: 'Export…' }).click()
  await expect(exportDialog.getByRole('status')).toContainText('Exported 1 highlight and 0 notes in 1 file')
  const files = unzipSync(await readFile(join(app.exportDir, 'liner-notes-library.qdpx')))
  const qde = new TextDecoder().decode(files['project.qde'])
  expect(qde).toContain(`name="${JACKSONS}"`)
  expect(qde).toContain('name="heritage"')
  expect(Object.keys(files).filter((name) => name.startsWith('sources/'))).toHaveLength(SEEDED)
  await exportDialog.getByRole('button', { name: 'Close' }).click()

  const folder = await mkdtemp(join(tmpdir(), 'liner-notes-refi-'))
  try {
    const project = join(folder, 'festival.qdpx')
    await writeFile(project, otherToolsProject())
    app.nextOpenPaths = [project]
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import' })
    await expect(dialog.getByRole('status')).toHaveText('1 imported')
    await expect(dialog.getByRole('list', { name: 'Files' }).getByRole('listitem')).toContainText('festival.qdpx › Festival diary')
    const report = dialog.getByRole('article', { name: 'REFI-QDA project festival.qdpx' })
    await expect(report).toContainText('2 themes created · 1 highlight · 0 notes')
    await expect(report).toContainText('“heritage” as “heritage (imported)”')
    await expect(report.getByRole('list', { name: 'Not carried' })).toContainText('1 picture source (poster.jpg)')
    const merge = dialog.getByRole('checkbox', { name: /merge a code into my theme of the same name/ })
    await expect(merge).not.toBeChecked()
    await merge.check()
    await dialog.getByRole('button', { name: 'Close' }).click()

    // The choice holds for the next import: the same codebook now merges.
    const codebook = join(folder, 'codes.qdc')
    await writeFile(codebook, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="10000000-0000-0000-0000-000000000009" name="heritage" isCodable="true"/></Codes></CodeBook>')
    app.nextOpenPaths = [codebook]
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(dialog.getByRole('article', { name: 'REFI-QDA codebook codes.qdc' })).toContainText('0 themes created · 1 merged into yours')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
    await expect(library.rows).toHaveCount(SEEDED + 1)
    await library.open(/Festival diary/)
    await expect(reader.text).toContainText('The late screening of K-Pops! ran long, and nobody minded.')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
