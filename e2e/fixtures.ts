// Each test gets its own library folder on disk and a page whose window.linerNotes is answered by the
// real core, running in its own process as in the app (the built out/main/core.js, in a Node child
// standing in for Electron's utility process). `libraryState` breaks the library before start-up, to
// test the error screens.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { forkCore, type CoreClient, type ParentEffects } from '../src/core/host/client'
import { LibraryStore } from '../src/core/library/store'
import { LIBRARY_FILE, TEXTS_FOLDER } from '../src/core/library/layout'
import type { PassageTarget, RequestOf, ResponseOf } from '../src/shared/ipc/contract'
import type { Channel, EventName } from '../src/shared/ipc/channels'
import type { LibraryData } from '../src/shared/model'
import { bridgeApi, sendEvent } from './support/bridge'
import { serveFolder, type StaticServer } from './support/static-server'

export const ARCHIVE_DIR = resolve('archive')
const RENDERER_DIR = resolve('out/renderer')
const CORE_ENTRY = resolve('out/main/core.js')

export type LibraryState = 'fresh' | 'corrupt-file' | 'missing-text' | 'too-deep-note'
export const MISSING_TEXT_FILE = '003_6483be90c9dc3807.txt'

export interface AppHarness {
  page: Page
  libraryDir: string
  /** Sends a request to the core as the page would; throws with the message when it is refused. */
  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>
  /** The library as it is on disk now, read as a second reader would (read-only, beside the running core). */
  readLibrary(): Promise<LibraryData>
  /** Quits and starts again: waits for pending writes, reopens the library from disk, reloads the page. */
  relaunch(): Promise<void>
  /** Page errors and CSP violations seen so far. */
  problems: string[]
  /** How often the page let the closing window go, and how often it asked to keep it open. */
  readyToClose: number
  keptOpen: number
  /** Where save dialogs put files: the suggested name inside this folder. */
  exportDir: string
  /** What the next open-file and choose-folder dialogs answer (null: the user cancels). */
  nextOpenPath: string | null
  nextFolder: string | null
  /** What the next multi-file open dialog (File › Import…) answers (null: the user cancels). */
  nextOpenPaths: string[] | null
  /** Folders the app was asked to reopen on. */
  switchedTo: string[]
  /** Addresses handed to the system browser. */
  opened: string[]
  /** The liner-notes:// passage the app was "started with", handed to the page when it asks. */
  pendingLink: PassageTarget | null
}

interface Fixtures {
  libraryState: LibraryState
  libraryDir: string
  app: AppHarness
}

export const test = base.extend<Fixtures, { server: StaticServer }>({
  libraryState: ['fresh', { option: true }],

  server: [
    async ({}, use) => {
      const server = await serveFolder(RENDERER_DIR)
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ],

  libraryDir: async ({ libraryState }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'liner-notes-e2e-'))
    if (libraryState === 'corrupt-file') await writeFile(join(dir, LIBRARY_FILE), '{"schemaVersion": 2, "articles": [')
    if (libraryState === 'missing-text') {
      const store = await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })
      await store.close()
      await rm(join(dir, TEXTS_FOLDER, MISSING_TEXT_FILE))
    }
    if (libraryState === 'too-deep-note') {
      await (await LibraryStore.open(dir, { archiveDir: ARCHIVE_DIR })).close()
      // 20,000 quotations inside one another, as no editor writes them: past every recursive walk's stack.
      const node = '{"type":"blockquote","content":['.repeat(20_000) + '{"type":"paragraph"}' + ']}'.repeat(20_000)
      const times = '"createdAt":"2026-11-21T12:00:00.000Z","updatedAt":"2026-11-21T12:00:00.000Z"'
      await mkdir(join(dir, 'notes'), { recursive: true })
      await writeFile(join(dir, 'notes', 'note-deep.json'), `{"note":{"id":"note-deep","title":"Deep",${times},"doc":{"type":"doc","content":[${node}]}}}`)
    }
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  app: async ({ page, server, libraryDir }, use) => {
    const exportDir = await mkdtemp(join(tmpdir(), 'liner-notes-exports-'))
    const effects: ParentEffects = {
      openExternal: async (url) => void harness.opened.push(url),
      readyToClose: (close) => void (close ? harness.readyToClose++ : harness.keptOpen++),
      dialogs: {
        chooseSavePath: async ({ suggestedName }) => join(exportDir, suggestedName),
        chooseOpenPath: async () => harness.nextOpenPath,
        chooseOpenPaths: async () => harness.nextOpenPaths,
        chooseFolder: async () => harness.nextFolder
      },
      event: (name, payload) => void sendEvent(page, name as EventName, payload).catch(() => undefined),
      switchLibrary: (dir) => void harness.switchedTo.push(dir),
      takePendingLink: () => {
        const target = harness.pendingLink
        harness.pendingLink = null
        return target
      }
    }
    const start = (): CoreClient => forkCore({ libraryDir, archiveDir: ARCHIVE_DIR, appVersion: 'e2e', holder: 'Liner Notes' }, effects, CORE_ENTRY)
    let core = start()
    // The app shows its window while the core starts; here the page is loaded once the core has opened
    // the library (or failed to), so a slow machine's process start-up is not counted against a test's steps.
    await core.ready().catch(() => undefined)
    await bridgeApi(page, (channel, payload) => core.request(channel, payload))
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text())
    })
    await page.goto(server.url)
    const harness: AppHarness = {
      page,
      libraryDir,
      problems,
      readyToClose: 0,
      keptOpen: 0,
      exportDir,
      nextOpenPath: null,
      nextFolder: null,
      nextOpenPaths: null,
      switchedTo: [],
      pendingLink: null,
      opened: [],
      request: async (channel, payload) => {
        const result = await core.request(channel, payload)
        if (!result.ok) throw new Error(`${channel} was refused: ${result.error.message}`)
        return result.value as never
      },
      readLibrary: async () => {
        const store = await LibraryStore.open(libraryDir, { archiveDir: ARCHIVE_DIR, readOnly: true })
        return store.snapshot()
      },
      relaunch: async () => {
        await core.close()
        core = start()
        await core.ready().catch(() => undefined)
        await page.reload()
      }
    }
    await use(harness)
    await core.close()
    await rm(exportDir, { recursive: true, force: true })
    expect(problems, 'the page raised errors or CSP violations').toEqual([])
  }
})

export { expect }
