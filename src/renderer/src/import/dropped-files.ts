// Dropped files, read in the page and sent to the core by content, a batch at a time, so a drop of
// hundreds of files never sits in memory whole. Files the page cannot send (too large, unreadable, a
// folder) are refused here with a sentence, like the core's refusals.
import type { ImportOutcome, ImportSummary } from '../../../shared/ipc/contract'
import { call } from '../api'
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
}

/** A file the import did not reach because the user cancelled first. */
const notReached = (name: string): ImportOutcome => refusedHere(name, `${name} was not imported: the import was cancelled.`)

export async function importDroppedFiles(files: readonly File[], { onBatch, cancelled }: Options): Promise<ImportSummary> {
  let summary = NOTHING_IMPORTED
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
    else if (encoded.length > 0) summary = mergeSummaries(summary, await call('imports:files', { files: encoded }))
    offset += batch.length
  }
  return mergeSummaries(refusals, summary)
}
