// Importing REFI-QDA files: a round trip of the bundled library through a .qdpx into an empty library, a
// project in the shape other tools write (and their faults), a codebook, themes merged or kept apart, and
// a broken file that changes nothing.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../shared/ipc/channels'
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract'
import { noteText } from '../../shared/note-doc'
import { buildCodebook } from '../export/codebook'
import { indexLibrary } from '../export/library-index'
import { archiveLibrary, IDS } from '../export/test-library'
import { dispatch } from '../ipc/dispatch'
import { sha256Hex } from '../library/hash'
import { fixedNow, folderFingerprint, withTempDir } from '../library/test-support'
import { openLibraryServices } from '../services'
import { openTestClient } from '../services/test-client'
import { projectExport } from './project-export'

/** A library with nothing in it: seeded from an archive of no articles and no themes. */
async function emptyLibrary(dir: string) {
  const archive = join(dir, 'empty-archive')
  await mkdir(archive, { recursive: true })
  await writeFile(join(archive, 'catalogue.json'), '{"articles":[]}')
  await writeFile(join(archive, 'codebook.json'), '{"themes":[]}')
  const services = await openLibraryServices(join(dir, 'library'), { archiveDir: archive, now: fixedNow })
  return {
    services,
    async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const result = await dispatch(async () => services.handlers, channel, request)
      if (!result.ok) throw new Error(`${channel} was refused: ${result.error.message}`)
      return result.value as ResponseOf<C>
    }
  }
}

type Client = Awaited<ReturnType<typeof emptyLibrary>>

async function themePaths(client: Pick<Client, 'call'>): Promise<Record<string, { color: string; description: string }>> {
  const themes = await client.call('themes:list', {})
  const codebook = buildCodebook(themes)
  return Object.fromEntries(themes.map((t) => [codebook.pathName(t.id), { color: t.color, description: t.description }]))
}

async function writeFileIn(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

describe('REFI-QDA import', () => {
  it('round trip: the bundled library exported as .qdpx and imported into an empty library gives back its articles, themes, highlights and notes', () =>
    withTempDir(async (dir) => {
      const source = archiveLibrary()
      const project = projectExport(source, { now: fixedNow(), name: 'Liner Notes library' })
      const path = await writeFileIn(dir, 'library.qdpx', project.zip)
      const client = await emptyLibrary(dir)
      try {
        const summary = await client.call('imports:paths', { paths: [path] })
        expect(summary.refused).toBe(0)
        expect(summary.imported).toBe(5)
        const report = summary.projects?.[0]
        expect(report?.notCarried).toEqual([])
        expect(report?.unplaced).toEqual([])
        expect(report?.highlights).toBe(project.highlights)

        // Articles: the text the reader showed, and every detail.
        // (The bundled articles have no titles: each is known by its text.)
        const index = indexLibrary(source)
        const imported = new Map<string, string>()
        for (const { id } of await client.call('articles:list', {})) {
          const { article, text } = await client.call('articles:get', { id })
          const original = source.data.articles.find((a) => index.article(a.id)?.text === text)
          expect(original, id).toBeDefined()
          imported.set(original!.id, id)
          expect(article.meta).toEqual(original?.meta)
          expect(article.original?.format).toBe('txt')
          expect(article.original?.sha256).toBe(sha256Hex(new TextEncoder().encode(text ?? '')))
        }
        expect(imported.size).toBe(5)

        // The theme tree, with colours and descriptions.
        const sourceCodebook = buildCodebook(source.data.themes)
        expect(await themePaths(client)).toEqual(Object.fromEntries(source.data.themes.map((t) => [sourceCodebook.pathName(t.id), { color: t.color, description: t.description }])))

        // Every highlight whose words are in the text: its place, its words, its themes, its note's words.
        const codebook = buildCodebook(await client.call('themes:list', {}))
        for (const original of source.data.articles) {
          const expected = (index.article(original.id)?.highlights ?? [])
            .filter((h) => h.range !== null)
            .map((h) => ({ start: h.range!.start, end: h.range!.end, exact: h.quote, themes: h.themes.map((t) => sourceCodebook.pathName(t.id)).sort(), note: h.highlight.note ? noteText(h.highlight.note).replace(/\s+/g, '') : null }))
          const { highlights } = await client.call('articles:get', { id: imported.get(original.id)! })
          const actual = highlights
            .map((h) => ({ start: h.position.start, end: h.position.end, exact: h.quote.exact, themes: h.themeIds.map((t) => codebook.pathName(t)).sort(), note: h.note ? noteText(h.note).replace(/\s+/g, '') : null }))
            .sort((a, b) => a.start - b.start)
          expect(actual.length, original.id).toBeGreaterThan(0)
          // Markdown keeps a note's words; what it cannot hold (underline, strikethrough, a quotation's link to its highlight) reads as text.
          expect(actual.map(({ note: _n, ...rest }) => rest)).toEqual(expected.map(({ note: _n, ...rest }) => rest))
          actual.forEach((h, i) => {
            const want = expected[i]?.note
            if (want === null || want === undefined) expect(h.note).toBeNull()
            else expect(h.note?.replace(/[`*_~\\]/g, '')).toContain(want.replace(/[`*_~\\]/g, '').slice(0, 40))
          })
        }

        // The memo, and the free-standing notes with their titles.
        const { article: collider } = await client.call('articles:get', { id: imported.get(IDS.collider)! })
        expect(collider.memo).toEqual(source.data.articles.find((a) => a.id === IDS.collider)?.memo)
        const notes = await Promise.all((await client.call('notes:list', {})).map((n) => client.call('notes:get', { id: n.id })))
        expect(notes.map((n) => n.title).sort()).toEqual(['Essay: #heritage & the [K-pop] machine', 'Untitled note'])
        expect(notes.map((n) => noteText(n.doc)).join(' ')).toContain('Start from the mother.')
        expect(notes.map((n) => noteText(n.doc)).join(' ')).toContain('A stray thought.')
      } finally {
        await client.services.close()
      }
    }))

  it('imports a project as other tools write it, and lists what it could not carry', () =>
    withTempDir(async (dir) => {
      // CRLF text (offsets counted in the file as written), a .qde named after the project, `Sources/`,
      // a path without internal://, a bare & in names, nested codes, a code with no selections, notes,
      // a picture, a PDF, a case, a set and a variable Liner Notes has no field for.
      const text = 'Interviewer: Where did it start?\r\nPaak: In quarantine, with my son.\r\n\r\nPaak: R&B was the family business 🥁 always.\r\n'
      const points = (phrase: string): [number, number] => {
        const before = Array.from(text.slice(0, text.indexOf(phrase))).length
        return [before, before + Array.from(phrase).length]
      }
      const [qs, qe] = points('In quarantine, with my son.')
      const [rs, re] = points('R&B was the family business 🥁 always.')
      const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Paak study" origin="MAXQDA 24">
  <Users><User guid="{00000000-0000-0000-0000-0000000000AA}" name="coder"/></Users>
  <CodeBook><Codes>
    <Code guid="10000000-0000-0000-0000-000000000001" name="Family & home" isCodable="true" color="#3a3">
      <Description>Kin & kinship</Description>
      <Code guid="10000000-0000-0000-0000-000000000002" name="Fathers" isCodable="true" color="#112233"/>
      <Code guid="10000000-0000-0000-0000-000000000003" name="Unused code" isCodable="true"/>
    </Code>
    <Code guid="10000000-0000-0000-0000-000000000004" name="Music" isCodable="false"><NoteRef targetGUID="30000000-0000-0000-0000-000000000003"/></Code>
  </Codes></CodeBook>
  <Variables><Variable guid="40000000-0000-0000-0000-000000000001" name="Age" typeOfVariable="Integer"/><Variable guid="40000000-0000-0000-0000-000000000002" name="Author" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="50000000-0000-0000-0000-000000000001" name="Paak"/></Cases>
  <Sources>
    <TextSource guid="20000000-0000-0000-0000-000000000001" name="Interview 1" plainTextPath="20000000-0000-0000-0000-000000000001.txt">
      <Description>Recorded in LA.</Description>
      <PlainTextSelection guid="21000000-0000-0000-0000-000000000001" startPosition="${qs}" endPosition="${qe}">
        <Coding guid="22000000-0000-0000-0000-000000000001"><CodeRef targetGUID="10000000-0000-0000-0000-000000000002"/></Coding>
        <NoteRef targetGUID="30000000-0000-0000-0000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="21000000-0000-0000-0000-000000000002" startPosition="${rs}" endPosition="${re}">
        <Coding guid="22000000-0000-0000-0000-000000000002"><CodeRef targetGUID="10000000-0000-0000-0000-000000000004"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="21000000-0000-0000-0000-000000000003" startPosition="${rs}" endPosition="${re}">
        <Coding guid="22000000-0000-0000-0000-000000000003"><CodeRef targetGUID="10000000-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="21000000-0000-0000-0000-000000000004" startPosition="9000" endPosition="9010"/>
      <NoteRef targetGUID="30000000-0000-0000-0000-000000000002"/>
      <VariableValue><VariableRef targetGUID="40000000-0000-0000-0000-000000000001"/><IntegerValue>41</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="40000000-0000-0000-0000-000000000002"/><TextValue>A. Critic</TextValue></VariableValue>
    </TextSource>
    <PictureSource guid="20000000-0000-0000-0000-000000000002" name="still.jpg" path="internal://still.jpg">
      <PictureSelection guid="21000000-0000-0000-0000-000000000009" firstX="1" firstY="1" secondX="5" secondY="5"/>
    </PictureSource>
    <PDFSource guid="20000000-0000-0000-0000-000000000003" name="press kit" path="internal://kit.pdf"/>
  </Sources>
  <Notes>
    <Note guid="30000000-0000-0000-0000-000000000001" name="on quarantine"><PlainTextContent>The film's origin story.</PlainTextContent></Note>
    <Note guid="30000000-0000-0000-0000-000000000002" name="memo"><PlainTextContent>A long interview.</PlainTextContent></Note>
    <Note guid="30000000-0000-0000-0000-000000000003" name="Music, defined"><PlainTextContent>Any *sound* that matters.</PlainTextContent></Note>
  </Notes>
  <Sets><Set guid="60000000-0000-0000-0000-000000000001" name="core"/></Sets>
</Project>`
      const zip = zipSync({
        'Paak study.qde': new TextEncoder().encode(qde),
        'Sources/20000000-0000-0000-0000-000000000001.txt': new TextEncoder().encode(text)
      })
      const path = await writeFileIn(dir, 'paak.qdpx', zip)
      const client = await openTestClient(join(dir, 'library'))
      try {
        const before = (await client.call('themes:list', {})).length
        const summary = await client.call('imports:paths', { paths: [path] })
        expect(summary.imported).toBe(1)
        expect(summary.outcomes[0]?.file).toBe('paak.qdpx › Interview 1')
        const report = summary.projects?.[0]
        expect(report).toMatchObject({ kind: 'project', name: 'Paak study', themesCreated: 4, highlights: 2 })
        expect(report?.unplaced).toEqual([expect.stringMatching(/^a passage in “Interview 1”: its position \(9000–9010\) is not inside the text\.$/)])
        const skipped = report?.notCarried.join('\n') ?? ''
        expect(skipped).toMatch(/1 picture source \(still\.jpg\) with 1 coded region/)
        expect(skipped).toMatch(/1 PDF source \(press kit\)/)
        expect(skipped).toMatch(/Variables “Age”/)
        expect(skipped).toMatch(/1 case/)
        expect(skipped).toMatch(/1 set/)
        expect(await client.call('themes:list', {})).toHaveLength(before + 4)

        const articleId = summary.outcomes[0]!.articleId!
        const { article, text: shown, highlights } = await client.call('articles:get', { id: articleId })
        // The text as written, line ends as "\n"; the original kept byte for byte.
        expect(shown).toBe(text.replace(/\r\n/g, '\n'))
        expect(article.original?.sha256).toBe(sha256Hex(new TextEncoder().encode(text)))
        expect(article.meta.title).toBe('Interview 1')
        expect(article.meta.author).toBe('A. Critic')
        expect(noteText(article.memo!)).toContain('Recorded in LA.')
        expect(noteText(article.memo!)).toContain('A long interview.')
        const paths = buildCodebook(await client.call('themes:list', {}))
        const placed = highlights.map((h) => ({ exact: h.quote.exact, themes: h.themeIds.map((id) => paths.pathName(id)).sort(), note: h.note ? noteText(h.note) : null }))
        expect(placed).toEqual([
          { exact: 'In quarantine, with my son.', themes: ['Family & home/Fathers'], note: "The film's origin story." },
          // Two selections of the same words: one highlight with both codes.
          { exact: 'R&B was the family business 🥁 always.', themes: ['Family & home', 'Music'], note: null }
        ])
        const themes = await client.call('themes:list', {})
        expect(themes.find((t) => t.name === 'Family & home')).toMatchObject({ color: '#33aa33', description: 'Kin & kinship' })
        expect(themes.find((t) => t.name === 'Unused code')).toBeDefined()
        // The note on a code is a free-standing note.
        const notes = await client.call('notes:list', {})
        expect(notes.map((n) => n.title)).toContain('Music, defined')
      } finally {
        await client.services.close()
      }
    }))

  it('reads offsets a tool counted without the carriage returns of a CRLF file', () =>
    withTempDir(async (dir) => {
      const lines = ['First paragraph about the drummer.', 'Second paragraph about the conductor.', 'Third one closes.']
      const text = lines.join('\r\n')
      const normalized = lines.join('\n')
      const at = (phrase: string): string => `startPosition="${normalized.indexOf(phrase)}" endPosition="${normalized.indexOf(phrase) + phrase.length}"`
      const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="20000000-0000-0000-0000-000000000001" name="t" plainTextPath="internal://t.txt">
<PlainTextSelection guid="21000000-0000-0000-0000-000000000001" ${at('the conductor')}/>
<PlainTextSelection guid="21000000-0000-0000-0000-000000000002" ${at('Third one')}/>
</TextSource></Sources></Project>`
      const path = await writeFileIn(dir, 'p.qdpx', zipSync({ 'project.qde': new TextEncoder().encode(qde), 'sources/t.txt': new TextEncoder().encode(text) }))
      const client = await emptyLibrary(dir)
      try {
        const summary = await client.call('imports:paths', { paths: [path] })
        const { highlights } = await client.call('articles:get', { id: summary.outcomes[0]!.articleId! })
        expect(highlights.map((h) => h.quote.exact)).toEqual(['the conductor', 'Third one'])
      } finally {
        await client.services.close()
      }
    }))

  it('imports a .qdc codebook: same-named themes kept apart unless merging is asked for', () =>
    withTempDir(async (dir) => {
      const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4"><Codes>
<Code guid="0D62985D-B147-5D01-A9B5-CAE5DCD98342" name="heritage" isCodable="true" color="#123456"><Code guid="0D62985D-B147-5D01-A9B5-CAE5DCD98343" name="diaspora" isCodable="true"/></Code>
<Code guid="0D62985D-B147-5D01-A9B5-CAE5DCD98344" name="labour" isCodable="true"/>
</Codes><Sets/></CodeBook>`
      const path = await writeFileIn(dir, 'codes.qdc', qdc)
      const client = await openTestClient(join(dir, 'library'))
      try {
        const apart = await client.call('imports:paths', { paths: [path] })
        expect(apart.outcomes).toEqual([])
        expect(apart.projects?.[0]).toMatchObject({ kind: 'codebook', themesCreated: 3, themesMerged: [], themesRenamed: [{ from: 'heritage', to: 'heritage (imported)' }] })
        let paths = Object.keys(await themePaths(client))
        expect(paths).toEqual(expect.arrayContaining(['heritage', 'heritage (imported)', 'heritage (imported)/diaspora', 'labour']))

        const merged = await client.call('imports:paths', { paths: [path], themes: 'merge' })
        expect(merged.projects?.[0]).toMatchObject({ themesCreated: 1, themesMerged: ['heritage', 'labour'] })
        paths = Object.keys(await themePaths(client))
        expect(paths).toContain('heritage/diaspora')
        // Merging never changes the library's own theme.
        expect((await themePaths(client)).heritage?.color).toBe('#c2851a')
      } finally {
        await client.services.close()
      }
    }))

  it('refuses a broken file with one sentence naming it, and leaves the library exactly as it was', () =>
    withTempDir(async (dir) => {
      const client = await openTestClient(join(dir, 'library'))
      try {
        const before = await client.fingerprint()
        const broken = await writeFileIn(dir, 'broken.qdpx', zipSync({ 'project.qde': new TextEncoder().encode('<Project name="x"><Sources></Project>') }))
        const notZip = await writeFileIn(dir, 'plain.qdpx', 'not a zip')
        const noQde = await writeFileIn(dir, 'empty.qdpx', zipSync({ 'readme.txt': new TextEncoder().encode('hi') }))
        const badQdc = await writeFileIn(dir, 'codes.qdc', '<Project/>')
        const summary = await client.call('imports:paths', { paths: [broken, notZip, noQde, badQdc] })
        expect(summary.refused).toBe(4)
        expect(summary.outcomes.map((o) => o.message)).toEqual([
          expect.stringMatching(/^broken\.qdpx is not a readable REFI-QDA project: its XML is broken \(line 1: .+\)\.$/),
          'plain.qdpx is not a REFI-QDA project (.qdpx) file (it is not a zip archive, or it is damaged).',
          'empty.qdpx is not a REFI-QDA project: it holds no .qde file.',
          'codes.qdc is not a REFI-QDA codebook: its root element is <Project>, not <CodeBook>.'
        ])
        expect(await client.fingerprint()).toBe(before)
      } finally {
        await client.services.close()
      }
    }))
})

describe('a written project', () => {
  it('is imported the same way when dropped by content', () =>
    withTempDir(async (dir) => {
      const project = projectExport(archiveLibrary(), { now: fixedNow(), name: 'x' })
      const client = await emptyLibrary(dir)
      try {
        const summary = await client.call('imports:files', { files: [{ name: 'library.qdpx', data: Buffer.from(project.zip).toString('base64') }] })
        expect(summary.imported).toBe(5)
        expect(summary.projects?.[0]?.highlights).toBe(project.highlights)
        expect(await folderFingerprint(join(dir, 'library'))).toContain('originals/')
      } finally {
        await client.services.close()
      }
    }))
})
