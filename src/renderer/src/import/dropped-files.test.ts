// Dropped files reach the real core (a library in a temporary folder, requests through dispatch as over
// IPC): a file with a place on disk by path (a dropped folder is walked there), one without by content.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../core/ipc/dispatch'
import { openLibraryServices } from '../../../core/services'
import { ARCHIVE_DIR, fixedNow, withTempDir } from '../../../core/library/test-support'
import { importDroppedFiles } from './dropped-files'

const sent: string[] = []

async function bindCore(libraryDir: string) {
  const services = await openLibraryServices(libraryDir, { archiveDir: ARCHIVE_DIR, now: fixedNow })
  const api = new Proxy({}, { get: (_, channel: string) => (request: unknown) => (sent.push(channel), dispatch(async () => services.handlers, channel, request)) })
  ;(globalThis as { window?: unknown }).window = { linerNotes: api }
  return services
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window
  sent.length = 0
})

describe('importDroppedFiles', () => {
  it('sends a file with a path by path (a folder walked in the core) and one without by content', () =>
    withTempDir(async (dir) => {
      const services = await bindCore(join(dir, 'library'))
      await mkdir(join(dir, 'saved'))
      await writeFile(join(dir, 'saved', 'one.md'), '---\ntitle: From a Folder\n---\n\nWords on disk.\n')
      await writeFile(join(dir, 'two.txt'), 'A file dropped from the desktop.\n')
      const folder = new File([], 'saved')
      const onDisk = new File(['ignored: the core reads the path'], 'two.txt')
      const fromBrowser = new File(['Dragged out of a browser, with no file behind it.\n'], 'clip.txt')
      const paths = new Map([
        [folder, join(dir, 'saved')],
        [onDisk, join(dir, 'two.txt')]
      ])
      const summary = await importDroppedFiles([folder, onDisk, fromBrowser], { onBatch: () => undefined, cancelled: () => false, pathOf: (file) => paths.get(file) ?? '' })
      expect(sent).toEqual(['imports:paths', 'imports:files'])
      expect(summary.outcomes.map(({ file, status, title }) => [file, status, title])).toEqual([
        ['one.md', 'imported', 'From a Folder'],
        ['two.txt', 'imported', null],
        ['clip.txt', 'imported', null]
      ])
      const texts = await Promise.all(summary.outcomes.map(({ articleId }) => services.handlers['articles:get']({ id: articleId! }).then((d) => d.text)))
      expect(texts).toEqual(['Words on disk.', 'A file dropped from the desktop.', 'Dragged out of a browser, with no file behind it.'])
      await services.close()
    }))

  it('sends nothing once cancelled, and lists every file as not imported', () =>
    withTempDir(async (dir) => {
      const services = await bindCore(join(dir, 'library'))
      const summary = await importDroppedFiles([new File(['x'], 'a.txt'), new File(['y'], 'b.txt')], {
        onBatch: () => undefined,
        cancelled: () => true,
        pathOf: (file) => (file.name === 'a.txt' ? join(dir, 'a.txt') : '')
      })
      expect(sent).toEqual([])
      expect(summary).toMatchObject({ imported: 0, refused: 2 })
      expect(summary.outcomes.map(({ message }) => message)).toEqual(['a.txt was not imported: the import was cancelled.', 'b.txt was not imported: the import was cancelled.'])
      await services.close()
    }))
})
