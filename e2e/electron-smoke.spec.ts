// Launches the real Electron app where an Electron binary is present. Elsewhere (machines that cannot
// download it) the test is reported as skipped with the reason.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary } from '../scripts/electron-binary.mjs'
import { API_EVENTS, CHANNELS } from '../src/shared/ipc/channels'

const binary = findElectronBinary()

test('the Electron app opens the bundled archive in a locked-down window', async () => {
  const reason = 'no Electron binary on this machine (it could not be downloaded); the Chromium suite covers the renderer and services'
  if (binary === null) process.stderr.write(`Electron smoke test skipped: ${reason}.\n`)
  test.skip(binary === null, reason)
  const library = await mkdtemp(join(tmpdir(), 'liner-notes-electron-'))
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--library', library] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(6)
    // The page comes from the app's own scheme, never from file://.
    expect(page.url()).toMatch(/^app:\/\/liner-notes\//)
    // The page sees the contract's functions and nothing of Node.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys(window.linerNotes).sort()
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: [...CHANNELS, ...API_EVENTS, 'pathForFile'].sort() })
  } finally {
    await app.close()
    await rm(library, { recursive: true, force: true })
  }
})
