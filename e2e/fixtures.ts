// Each test gets its own library folder on disk and a page whose window.linerNotes is answered by the
// real services over it. `libraryState` breaks the library before start-up, to test the error screens.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { openLibraryServices, type LibraryServices, type SideEffects } from '../src/core/services'
import { LIBRARY_FILE, TEXTS_FOLDER } from '../src/core/library/layout'
import type { PassageTarget } from '../src/shared/ipc/contract'
import { bridgeApi, sendProgress } from './support/bridge'
import { serveFolder, type StaticServer } from './support/static-server'

export const ARCHIVE_DIR = resolve('archive')
const RENDERER_DIR = resolve('out/renderer')

export type LibraryState = 'fresh' | 'corrupt-file' | 'missing-text'
export const MISSING_TEXT_FILE = '003_6483be90c9dc3807.txt'

export interface AppHarness {
  page: Page
  libraryDir: string
  /** The services main would hold; reopened from disk by relaunch(). */
  services(): Promise<LibraryServices>
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
      const { store } = await openLibraryServices(dir, { archiveDir: ARCHIVE_DIR })
      await store.flush()
      await rm(join(dir, TEXTS_FOLDER, MISSING_TEXT_FILE))
    }
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  app: async ({ page, server, libraryDir }, use) => {
    const exportDir = await mkdtemp(join(tmpdir(), 'liner-notes-exports-'))
    const effects: SideEffects = {
      openExternal: async (url) => void harness.opened.push(url),
      readyToClose: (close) => void (close ? harness.readyToClose++ : harness.keptOpen++),
      dialogs: {
        chooseSavePath: async ({ suggestedName }) => join(exportDir, suggestedName),
        chooseOpenPath: async () => harness.nextOpenPath,
        chooseFolder: async () => harness.nextFolder
      },
      progress: (progress) => void sendProgress(page, progress).catch(() => undefined),
      switchLibrary: (dir) => void harness.switchedTo.push(dir),
      takePendingLink: () => {
        const target = harness.pendingLink
        harness.pendingLink = null
        return target
      },
      appVersion: 'e2e'
    }
    let opening = openLibraryServices(libraryDir, { archiveDir: ARCHIVE_DIR }, effects)
    opening.catch(() => undefined)
    await bridgeApi(page, () => opening.then((s) => s.handlers))
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
      switchedTo: [],
      pendingLink: null,
      opened: [],
      services: () => opening,
      relaunch: async () => {
        await opening.then((s) => s.store.flush()).catch(() => undefined)
        opening = openLibraryServices(libraryDir, { archiveDir: ARCHIVE_DIR }, effects)
        opening.catch(() => undefined)
        await page.reload()
      }
    }
    await use(harness)
    await opening.then((s) => s.store.flush()).catch(() => undefined)
    await rm(exportDir, { recursive: true, force: true })
    expect(problems, 'the page raised errors or CSP violations').toEqual([])
  }
})

export { expect }
