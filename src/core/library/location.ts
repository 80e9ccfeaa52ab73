// Which folder is the library: `--library <dir>` on the command line, else LINER_NOTES_LIBRARY, else
// the default under the user's application data. Never inside the app's own install.
import { homedir } from 'node:os'
import { posix, resolve, win32 } from 'node:path'

export function resolveLibraryDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, fallback: string): string {
  const fromArgs = libraryArgument(argv)
  if (fromArgs) return resolve(fromArgs)
  const fromEnv = env.LINER_NOTES_LIBRARY?.trim()
  if (fromEnv) return resolve(fromEnv)
  return fallback
}

function libraryArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--library') return argv[i + 1] ?? null
    if (arg?.startsWith('--library=')) return arg.slice('--library='.length)
  }
  return null
}

/** The app's name as Electron reads it from package.json; its user-data folder is named after it. */
const APP_NAME = 'liner-notes'

/**
 * The folder the app opens when nothing else is named: Electron's userData for this app plus /library,
 * worked out without Electron so the command line finds the same library. Electron's appData is
 * %APPDATA% on Windows, ~/Library/Application Support on macOS, and $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir()
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming')
    return win32.join(appData, APP_NAME, 'library')
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME, 'library')
  const config = env.XDG_CONFIG_HOME?.trim() || posix.join(home, '.config')
  return posix.join(config, APP_NAME, 'library')
}
