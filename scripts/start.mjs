// `npm start`: make sure the Electron runtime is here (fetching it once if it can), build, and run the
// app on the library. Arguments after `npm start --` go to the app (e.g. `-- --library ~/my-library`).
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs'

function fail(sentence) {
  process.stderr.write(`\nLiner Notes cannot start: ${sentence}\n\n`)
  process.exit(1)
}

let binary = findElectronBinary()
if (!binary) {
  const dir = electronPackageDir()
  if (!dir) fail('the electron package is not installed; run `npm install` first.')
  process.stdout.write('Fetching the Electron runtime (once)…\n')
  const fetched = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 })
  binary = fetched.status === 0 ? findElectronBinary() : null
  if (!binary) {
    fail(
      'the Electron runtime is missing and could not be downloaded here; run `npm install` on a machine with internet access.'
    )
  }
}

const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' })
if (build.status !== 0) fail('the build failed (see the messages above).')

const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
app.on('close', (code) => process.exit(code ?? 0))
