// Which folder is the library: `--library <dir>` on the command line, else LINER_NOTES_LIBRARY, else
// the default under the user's application data. Never inside the app's own install.
import { resolve } from 'node:path'

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
