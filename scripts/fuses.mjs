// Electron fuses: switches compiled into the Electron binary that turn off ways of running it as something
// other than this app. They are flipped once, on the packaged app, before it is signed; nothing at run time
// can turn them back on. Run it on a packaged app:
//   node scripts/fuses.mjs <path to the packaged executable, or the .app on macOS>
// or name this file as electron-builder's `afterPack` hook. The app must be packaged as an asar archive
// with its integrity recorded (electron-builder 24+ and Electron Forge do this), or it will refuse to start.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'

/** The fuse settings, by name (see https://www.electronjs.org/docs/latest/tutorial/fuses). */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node with the app's permissions.
  RunAsNode: false,
  // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into it.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // Cookies (and other Chromium storage) encrypted with the system's key store.
  EnableCookieEncryption: true,
  // Only the app in its asar archive runs, and only if the archive matches the hash recorded at packaging.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The page is served over app:// (src/main/platform/app-protocol.ts); file:// needs no extra rights.
  GrantFileProtocolExtraPrivileges: false
})

/** The configuration @electron/fuses takes: FUSES keyed by their place on the fuse wire. */
export function fuseConfig(platform = process.platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' }
  for (const [name, on] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown Electron fuse "${name}": check @electron/fuses.`)
    config[FuseV1Options[name]] = on
  }
  return config
}

/** Flips the fuses of the Electron binary at `executable`; resolves to the number of fuse wires set. */
export function flipAppFuses(executable, platform = process.platform) {
  return flipFuses(executable, fuseConfig(platform))
}

/** electron-builder's afterPack hook: flips the fuses of the app it has just packed. */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context
  const name = packager.appInfo.productFilename
  const executable =
    platform === 'darwin' || platform === 'mas'
      ? resolve(appOutDir, `${name}.app`)
      : platform === 'win32'
        ? resolve(appOutDir, `${name}.exe`)
        : resolve(appOutDir, packager.executableName)
  await flipAppFuses(executable, platform === 'mas' ? 'darwin' : platform)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const executable = process.argv[2]
  if (!executable) {
    process.stderr.write('Usage: node scripts/fuses.mjs <path to the packaged app executable (or .app)>\n')
    process.exit(2)
  }
  const wires = await flipAppFuses(resolve(executable))
  process.stdout.write(`Electron fuses set on ${executable} (${wires} fuse wire${wires === 1 ? '' : 's'}).\n`)
}
