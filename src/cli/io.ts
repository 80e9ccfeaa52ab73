// Where a command's output goes: results on stdout (one JSON document with --json), everything meant for
// the person (progress, refusals, summaries) on stderr. Writes resolve once the data is handed to the OS,
// so the process can exit without cutting a piped document short.
import type { Progress } from '../shared/ipc/contract'

export interface Io {
  out(text: string): Promise<void>
  err(text: string): Promise<void>
  /** Shows how far a long task has got, where someone is watching (a terminal). */
  progress(progress: Progress): void
}

export function processIo(): Io {
  const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
    new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())))
  const live = process.stderr.isTTY === true
  let shown = false
  const clearProgress = (): void => {
    if (shown) process.stderr.write('\x1b[2K\r')
    shown = false
  }
  return {
    out: (text) => {
      clearProgress()
      return write(process.stdout, text)
    },
    err: (text) => {
      clearProgress()
      return write(process.stderr, text)
    },
    progress: ({ task, done, total }) => {
      if (!live) return
      shown = true
      process.stderr.write(`\x1b[2K\r${task}… ${done}/${total}`)
    }
  }
}

/** One JSON document, pretty enough to read, ending with a newline. */
export function jsonDocument(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

/** "1 article", "3 highlights". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
