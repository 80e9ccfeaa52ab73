// The worker thread an untrusted file is read in. The core process hands it one file at a time and
// stops it outright when a file takes longer than the time limit, so a parser stuck in a pathological
// input (a regular expression, a deep tree) costs the user a refusal, never a hung import.
import { parentPort } from 'node:worker_threads'
import { extractFile } from './formats'
import { ImportRefused } from './types'
import type { ExtractReply, ExtractRequest } from './isolated-extract'

parentPort?.on('message', (request: ExtractRequest) => {
  const reply = (message: ExtractReply): void => parentPort?.postMessage(message)
  extractFile({ name: request.name, bytes: request.bytes }, request.limits).then(
    (extracted) => reply({ id: request.id, extracted }),
    (error: Error) =>
      reply(error instanceof ImportRefused ? { id: request.id, refused: error.message } : { id: request.id, failed: error.message })
  )
})

// Loaded: from here on, a file's time is its own.
parentPort?.postMessage({ ready: true })
