// `npm run screenshots`: the pictures in the README, taken through the same harness as the tests.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { LibraryPage, ReaderPage } from './pages'

test('library, reader with highlights, themes', async ({ app }) => {
  const { page } = app
  const library = new LibraryPage(page)
  await expect(library.rows).toHaveCount(5)
  await library.open(/directorial film debut is reigniting/)
  const reader = new ReaderPage(page)
  const passages: [string, string[], string | null][] = [
    ['sends Paak on a music-filled father-son journey across Seoul', ['fatherhood'], null],
    ['taps into his own South Korean heritage', ['heritage', 'identity'], null],
    ['how Black American and South Korean cultures blend', ['cultural exchange'], null],
    ['Black American and South Korean', ['heritage'], 'purple'],
    ['a father and son connecting on screen', ['fatherhood'], null]
  ]
  for (const [phrase, themes, color] of passages) {
    await reader.select(phrase)
    await reader.selectionToolbar.getByRole('button', color ? { name: `Highlight in ${color}` } : { name: 'Highlight', exact: true }).click()
    await expect(reader.openHighlight.locator('blockquote')).toHaveText(phrase)
    for (const theme of themes) {
      await reader.themeInput.fill(theme)
      await reader.themeInput.press('Enter')
      await expect(reader.openHighlight.getByRole('button', { name: `Remove theme ${theme}` })).toBeVisible()
    }
  }
  await reader.panel.getByRole('button', { name: /^Open highlight “taps into/ }).click()
  await reader.openHighlight.getByRole('textbox', { name: 'Note on highlight' }).click()
  await page.keyboard.type('Heritage as a *choice*: the film makes **Seoul** the father’s homecoming as much as the son’s.')
  await expect(reader.openHighlight.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/reader.png' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'docs/reader-dark.png' })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click()
  await expect(page.getByRole('heading', { name: 'Themes', level: 1 })).toBeVisible()
  await page.screenshot({ path: 'docs/themes.png' })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Heritage, chosen: an outline')
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.type('## The claim\n.Paak frames **heritage** as something a family *chooses* to perform together.\n- the father’s return\nthe son’s discovery\n\n')
  await page.getByRole('button', { name: 'Insert quotation' }).click()
  const picker = page.getByRole('dialog', { name: 'Insert a quotation' })
  await picker.getByRole('searchbox', { name: 'Search highlights' }).fill('heritage')
  await picker.getByRole('button', { name: /^Insert “taps into/ }).click()
  await page.keyboard.type('The line lands because the film has shown us the journey first.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await page.screenshot({ path: 'docs/notes.png' })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await library.open(/Master Conductor/)
  const interview = '“What if I didn’t know I had a son, and I was learning about my culture, and I was teaching him about his?”'
  await reader.select(interview)
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  for (const theme of ['heritage', 'fatherhood']) {
    await reader.themeInput.fill(theme)
    await reader.themeInput.press('Enter')
    await expect(reader.openHighlight.getByRole('button', { name: `Remove theme ${theme}` })).toBeVisible()
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(library.rows).toHaveCount(5)
  await page.screenshot({ path: 'docs/library.png', fullPage: true })

  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: 'One theme, across the archive' }).check()
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'heritage (3 highlights)' })
  await dialog.getByRole('combobox', { name: 'Citation style' }).selectOption('outlet-date')
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Exported 3 highlights')
  await page.screenshot({ path: 'docs/export.png' })
  await copyFile(join(app.exportDir, 'theme-heritage.md'), 'docs/sample-export-heritage.md')
})

test('import summary', async ({ app }) => {
  const { page } = app
  const folder = await mkdtemp(join(tmpdir(), 'liner-notes-import-shot-'))
  const review = `---\ntitle: A Conductor Finds His Film\nauthor: Ada Critic\noutlet: The Film Page\ndate: 2024-09-30\nkind: review\n---\n\nAnderson .Paak directs *K-Pops!* with a drummer's sense of time.\n`
  const files: Record<string, string | Uint8Array> = {
    'a-conductor-finds-his-film.md': review,
    'festival-notes-day-two.txt': 'Festival notes, day two\n\nThe late screening ran long, and nobody minded.\n',
    'past-lives-review.md': `---\ntitle: Notes on Past Lives\noutlet: The Daily Reel\ndate: 2023-06-02\n---\n\nCeline Song's debut is a film of glances and pauses.\n`,
    'conductor (copy).md': review,
    'poster.jpg': Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46),
    'empty-draft.txt': '  \n'
  }
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content)
    app.nextOpenPaths = Object.keys(files).map((name) => join(folder, name))
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(page.getByRole('dialog', { name: 'Import' }).getByRole('status')).toHaveText('3 imported, 1 already in the library, 2 refused')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: 'docs/import.png' })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

test('search and find in the article', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 860 })
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(6)
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Search' })
  await dialog.getByRole('combobox', { name: 'Search' }).fill('fath')
  await expect(dialog.getByRole('status')).toContainText('result')
  await page.screenshot({ path: 'docs/search.png' })
  await dialog.getByRole('combobox', { name: 'Search' }).fill('dad')
  await dialog.getByLabel('Speaker').selectOption('Soul Rasheed')
  await expect(dialog.getByRole('status')).toContainText('result')
  await page.screenshot({ path: 'docs/search-speaker.png' })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible()
  await page.getByRole('document', { name: 'Article text' }).click()
  await page.keyboard.press('Control+f')
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('dad')
  await page.keyboard.press('Enter')
  await page.screenshot({ path: 'docs/find.png' })
})

test('who says a passage, and a note beside the article', async ({ app }) => {
  const { page } = app
  await new LibraryPage(page).open(/Silk Sonic|Come Home/)
  const reader = new ReaderPage(page)
  await reader.select('Grandpa and Grandma told us they were just so proud')
  await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
  await reader.themeInput.fill('heritage')
  await reader.themeInput.press('Enter')
  await expect(reader.openHighlight.getByRole('combobox', { name: 'Speaker' })).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/reader-speaker.png' })
  await reader.openHighlight.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Note beside' }).click()
  const beside = page.getByRole('complementary', { name: 'Note beside the article' })
  await beside.getByRole('button', { name: 'New note' }).click()
  await beside.getByRole('textbox', { name: 'Note beside the article' }).click()
  await page.keyboard.type('Family as the film’s first audience:')
  await beside.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert quotation' }).click()
  const picker = page.getByRole('dialog', { name: 'Insert a quotation' })
  await picker.getByRole('searchbox', { name: 'Search highlights' }).fill('grandpa')
  await picker.getByRole('button', { name: /^Insert “Grandpa/ }).click()
  await expect(beside.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/reader-note-beside.png' })
})

for (const width of [900, 700]) {
  test(`the reader at ${width} px wide`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height: 760 })
    await new LibraryPage(page).open(/Master Conductor/)
    const reader = new ReaderPage(page)
    await reader.select('Working with Missy [Elliott] and stuff was really cool')
    await reader.selectionToolbar.getByRole('button', { name: 'Highlight', exact: true }).click()
    await reader.themeInput.fill('herit')
    await reader.themeInput.press('Enter')
    await expect(reader.openHighlight.getByRole('button', { name: 'Remove theme heritage' })).toBeVisible()
    await page.screenshot({ path: `docs/reader-${width}.png` })
  })
}

test('analysis: themes by article and speakers by theme on the bundled interviews', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 900 })
  const themes = await app.request('themes:list', {})
  const fatherhood = themes.find((t) => t.name === 'fatherhood')!
  await app.request('themes:create', { name: 'sons', parentId: fatherhood.id })
  const ids = new Map((await app.request('themes:list', {})).map((t) => [t.name, t.id]))
  const passages: [article: string, phrase: string, themes: string[]][] = [
    ['000_ad238df8b954e232', 'It all started in quarantine, doing YouTube sketches with my son', ['fatherhood', 'filmmaking']],
    ['000_ad238df8b954e232', 'He was into K-pop at the time, so I started chiming in', ['the K-pop industry', 'sons']],
    ['000_ad238df8b954e232', 'He’s very straightforward when he has his director hat on', ['filmmaking', 'fatherhood']],
    ['000_ad238df8b954e232', 'So I have a lot of K-pop', ['the K-pop industry']],
    ['000_ad238df8b954e232', 'I come from the world of K-pop', ['the K-pop industry', 'identity']],
    ['000_ad238df8b954e232', 'its Korean heart and influence', ['heritage', 'cultural exchange']],
    ['002_28dc0072aca979dd', 'it started as YouTube skits with my son', ['fatherhood', 'filmmaking']],
    ['002_28dc0072aca979dd', 'I used to make home videos all the time with my family', ['fatherhood', 'filmmaking']],
    ['002_28dc0072aca979dd', 'Soul’s mom is full Korean', ['heritage', 'sons']],
    ['002_28dc0072aca979dd', 'My mom was born in a war-torn country', ['heritage', 'identity']],
    ['002_28dc0072aca979dd', 'I\'m very adamant about him being proud about both sides of his culture', ['identity', 'sons', 'heritage']],
    ['004_2d86f5da9e5657dc', 'how Black American and South Korean cultures blend', ['cultural exchange', 'Black musical lineage']],
    ['004_2d86f5da9e5657dc', 'I grew up in a Black household, Black culture', ['Black musical lineage', 'heritage', 'identity']],
    ['001_0a74aad613f8da6e', 'alongside his actual son, Soul Rasheed', ['fatherhood']]
  ]
  for (const [articleId, phrase, names] of passages) {
    const { text } = await app.request('articles:get', { id: articleId })
    const start = text!.indexOf(phrase)
    if (start < 0) throw new Error(`“${phrase}” is not in ${articleId}`)
    await app.request('highlights:create', { articleId, start, end: start + phrase.length, themeIds: names.map((n) => ids.get(n)!) })
  }
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click()
  const matrix = page.getByRole('figure', { name: 'Highlights per theme per article' })
  await matrix.getByRole('button', { name: /^fatherhood in ‘K-Pops!’/ }).click()
  await expect(page.getByRole('list', { name: /^Passages: fatherhood in/ }).getByRole('listitem')).toHaveCount(2)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/analysis-matrix.png' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'docs/analysis-matrix-dark.png' })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'Speakers by theme' }).click()
  const speakers = page.getByRole('figure', { name: 'Highlights per theme per speaker' })
  await speakers.getByRole('button', { name: /^Anderson \.Paak on heritage/ }).click()
  await expect(page.getByRole('list', { name: 'Passages: Anderson .Paak on heritage' }).getByRole('listitem').first()).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/analysis-speakers.png' })

  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'Word frequencies' }).click()
  await page.getByRole('combobox', { name: 'Count the words of' }).selectOption('speaker')
  await page.getByRole('combobox', { name: 'Speaker' }).selectOption('Anderson .Paak')
  await page.getByRole('combobox', { name: 'Words shown' }).selectOption('25')
  await expect(page.getByRole('button', { name: 'Search for “son”' })).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/analysis-words.png' })
})
