// Reading a file in a worker thread with a hard time limit. Extractors check the clock where they can
// (between PDF pages, between EPUB chapters), but a synchronous parse cannot be interrupted from inside;
// the worker can be stopped from outside. One worker is kept for a run of files and replaced after a
// file that ran out of time or took the worker down.
import { readFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ImportFile } from './formats'
import type { Extractor } from './import-files'
import { ImportRefused, type Extracted, type ImportLimits } from './types'

export interface ExtractRequest {
  id: number
  name: string
  bytes: Uint8Array
  limits: ImportLimits
}

export type ExtractReply = { id: number; extracted: Extracted } | { id: number; refused: string } | { id: number; failed: string }

/** The worker's script: the built extract-worker.js, or a few lines that load the TypeScript source through tsx. */
export type WorkerEntry = { file: string } | { eval: string }

/** The source entry, for the CLI and tests that run the TypeScript directly. */
export function sourceWorkerEntry(): WorkerEntry {
  const source = new URL('./extract-worker.ts', import.meta.url).href
  const tsx = tsxEsmApi()
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.core.json', import.meta.url))
  return {
    eval: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, { parentURL: ${JSON.stringify(source)}, tsconfig: ${JSON.stringify(tsconfig)} }))`
  }
}

/** tsx's ES module API (its CommonJS build cannot load TypeScript ES modules), found through its package's exports. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: { './esm/api': { import: { default: string } } } }
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest)).href
}

export interface IsolatedExtractor {
  extract: Extractor
  /** Stops the worker; a later extract starts a new one. */
  close(): Promise<void>
}

export function isolatedExtractor(entry: WorkerEntry): IsolatedExtractor {
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()

  /** A worker and the moment it has loaded its extractors, so its start-up never counts against a file's time. */
  interface Running {
    worker: Worker
    ready: Promise<void>
  }
  let running: Running | null = null

  const start = (): Running => {
    const started = 'file' in entry ? new Worker(entry.file) : new Worker(entry.eval, { eval: true })
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (message: unknown): void => {
        if ((message as { ready?: boolean }).ready !== true) return
        started.off('message', onReady)
        started.off('error', reject)
        resolve()
      }
      started.on('message', onReady)
      started.once('error', reject)
      started.once('exit', (code) => reject(new Error(`exit code ${code}`)))
    })
    // An idle worker never keeps the process alive.
    started.unref()
    return { worker: started, ready }
  }

  const stop = async (): Promise<void> => {
    const stopping = running
    running = null
    if (stopping) await stopping.worker.terminate()
  }

  const once = async (file: ImportFile, limits: ImportLimits): Promise<Extracted> => {
    const run = (running ??= start())
    run.worker.ref()
    try {
      await run.ready
    } catch (error) {
      if (running === run) running = null
      void run.worker.terminate()
      throw new ImportRefused(file.name, `${file.name} could not be read: the reader did not start (${(error as Error).message}).`)
    }
    return new Promise<Extracted>((resolve, reject) => {
      const current = run.worker
      const id = nextId++
      const done = (): void => {
        clearTimeout(timer)
        current.off('message', onMessage)
        current.off('error', onError)
        current.off('exit', onExit)
      }
      const onMessage = (reply: ExtractReply): void => {
        if (reply.id !== id) return
        done()
        if ('extracted' in reply) resolve(reply.extracted)
        else if ('refused' in reply) reject(new ImportRefused(file.name, reply.refused))
        else reject(new Error(reply.failed))
      }
      const lost = (why: string): void => {
        done()
        if (running === run) running = null
        void current.terminate()
        reject(new ImportRefused(file.name, `${file.name} could not be read: ${why}.`))
      }
      const onError = (error: Error): void => lost(`the reader stopped (${error.message})`)
      const onExit = (code: number): void => lost(`the reader stopped (exit code ${code})`)
      const timer = setTimeout(() => {
        done()
        if (running === run) running = null
        void current.terminate()
        reject(new ImportRefused(file.name, `${file.name} took longer than ${seconds(limits.maxMillis)} to read, so it was stopped.`))
      }, limits.maxMillis)
      current.on('message', onMessage)
      current.on('error', onError)
      current.on('exit', onExit)
      current.postMessage({ id, name: file.name, bytes: file.bytes, limits } satisfies ExtractRequest)
    }).finally(() => run.worker.unref())
  }

  return {
    extract: (file, limits) => {
      // One file at a time: the worker is single-threaded anyway, and a timeout then stops only its own file.
      const run = queue.then(() => once(file, limits))
      queue = run.catch(() => undefined)
      return run
    },
    close: stop
  }
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = Math.round(ms / 1000)
  return s === 1 ? '1 second' : `${s} seconds`
}
