// Dropped files. In the app each has a place on disk, and the core reads them by path, one at a time, as
// File › Import… does (a folder too). A file with no path (dragged out of another program, or in a
// browser) is read in the page and sent by content, a batch at a time, so a drop of hundreds of files
// never sits in memory whole. Files the page cannot send (too large, unreadable, a folder) are refused
// here with a sentence, like the core's refusals.
import type { ImportOutcome, ImportSummary } from '../../../shared/ipc/contract'
import type { ThemeClash } from '../../../shared/ipc/imports'
import { call, pathForFile } from '../api'
import { toBase64 } from './base64'
import { batchesOf } from './batches'
import { mergeSummaries, NOTHING_IMPORTED, refusedHere, summarize } from './summary'

/**
 * The core's default limit on one file (DEFAULT_LIMITS.maxFileBytes in src/core/import/types.ts), checked
 * here too so a huge file is not read into the page only to be refused.
 */
const LARGEST_FILE_BYTES = 200 * 1024 * 1024

export interface DropProgress {
  /** Files before this batch, and files in all. */
  offset: number
  total: number
}

interface Options {
  /** Called before each batch is sent, so progress from the core can be shown against the whole drop. */
  onBatch: (span: DropProgress) => void
  /** True once the user cancelled: batches not yet sent are not sent. */
  cancelled: () => boolean
  /** Where a file lies on disk, '' if nowhere: the app's webUtils by default. */
  pathOf?: (file: File) => string
  /** What a REFI-QDA project's codes do when a theme of the same name exists; the core's default when absent. */
  themes?: ThemeClash
}

/** A file the import did not reach because the user cancelled first. */
const notReached = (name: string): ImportOutcome => refusedHere(name, `${name} was not imported: the import was cancelled.`)

/** The most paths one request may carry (the contract's limit). */
const PATHS_PER_REQUEST = 10_000

export async function importDroppedFiles(all: readonly File[], { onBatch, cancelled, pathOf = pathForFile, themes }: Options): Promise<ImportSummary> {
  const clash = themes === undefined ? {} : { themes }
  const located = all.map((file) => ({ file, path: pathOf(file) }))
  const paths = located.filter(({ path }) => path !== '').map(({ path }) => path)
  const files = located.filter(({ path }) => path === '').map(({ file }) => file)
  let summary = NOTHING_IMPORTED
  // By path: the core walks a dropped folder, checks each file's size against the library's limit and
  // reads it in its turn; its own progress (files done of files found) is shown as it comes.
  for (let offset = 0; offset < paths.length; offset += PATHS_PER_REQUEST) {
    const batch = paths.slice(offset, offset + PATHS_PER_REQUEST)
    if (cancelled()) {
      summary = mergeSummaries(summary, summarize(batch.map((path) => notReached(nameOf(path)))))
      continue
    }
    summary = mergeSummaries(summary, await call('imports:paths', { paths: batch, ...clash }))
  }
  const refusals = summarize(
    files
      .filter((file) => file.size > LARGEST_FILE_BYTES)
      .map((file) => refusedHere(file.name, `${file.name} is larger than 200 MB, the most Liner Notes imports at once; it was not read.`))
  )
  const sendable = files.filter((file) => file.size <= LARGEST_FILE_BYTES)
  let offset = 0
  for (const batch of batchesOf(sendable)) {
    if (cancelled()) {
      summary = mergeSummaries(summary, summarize(batch.map((file) => notReached(file.name))))
      continue
    }
    onBatch({ offset, total: sendable.length })
    const encoded: { name: string; data: string }[] = []
    const unreadable: string[] = []
    for (const file of batch) {
      try {
        encoded.push({ name: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) })
      } catch {
        unreadable.push(file.name)
      }
    }
    const notRead = summarize(unreadable.map((name) => refusedHere(name, `${name} could not be read; if it is a folder, drop the files in it instead.`)))
    summary = mergeSummaries(summary, notRead)
    // Cancelled while the batch was being read: it is not sent.
    if (cancelled()) summary = mergeSummaries(summary, summarize(encoded.map(({ name }) => notReached(name))))
    else if (encoded.length > 0) summary = mergeSummaries(summary, await call('imports:files', { files: encoded, ...clash }))
    offset += batch.length
  }
  return mergeSummaries(refusals, summary)
}

/** The file's name from its path, on any system. */
const nameOf = (path: string): string => path.split(/[\\/]/).at(-1) ?? path
