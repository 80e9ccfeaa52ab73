// A big drop is sent to the core in parts: the contract takes at most 1,000 files a request, and one
// request holding every file's base64 at once would hold the whole drop in memory twice over.

/** The contract's most files in one imports:files request (src/shared/ipc/imports.ts). */
export const MOST_FILES_PER_REQUEST = 1_000
/** About how many bytes of files one request carries; a bigger file goes alone. */
export const MOST_BYTES_PER_REQUEST = 32 * 1024 * 1024

/** Consecutive groups of files, each within both limits unless one file alone is bigger. */
export function batchesOf<T extends { size: number }>(files: readonly T[], mostFiles = MOST_FILES_PER_REQUEST, mostBytes = MOST_BYTES_PER_REQUEST): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length > 0 && (current.length >= mostFiles || bytes + file.size > mostBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return batches
}
