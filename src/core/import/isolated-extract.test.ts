// Reading files in a worker thread: the same article as reading them in place, a refusal passed on
// word for word, and a file that outlasts the time limit stopped from outside (a synchronous parse
// cannot stop itself) without taking the next file down with it.
import { afterAll, describe, expect, it } from 'vitest'
import { extractFile } from './formats'
import { isolatedExtractor, sourceWorkerEntry } from './isolated-extract'
import { DEFAULT_LIMITS, ImportRefused } from './types'
import { slowPage } from './fixtures/slow-page'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('isolated extraction', () => {
  const isolated = isolatedExtractor(sourceWorkerEntry())
  afterAll(() => isolated.close())

  it('reads a file in the worker exactly as it is read in place', async () => {
    const file = { name: 'review.md', bytes: encode('---\ntitle: A Conductor\nauthor: Ada Critic\n---\n\n# A Conductor\n\n> The Jacksons walked so BTS could dance.\n\nPlain words.\n') }
    const inWorker = await isolated.extract(file, DEFAULT_LIMITS)
    expect(inWorker).toEqual(await extractFile(file, DEFAULT_LIMITS))
    expect(inWorker.meta).toMatchObject({ title: 'A Conductor', author: 'Ada Critic' })
  }, 30_000)

  it('passes a refusal on as the extractor worded it', async () => {
    const pdfNamedText = { name: 'notes.txt', bytes: encode('%PDF-1.7\n%binary') }
    const refusal = await isolated.extract(pdfNamedText, DEFAULT_LIMITS).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ImportRefused)
    expect((refusal as Error).message).toBe('notes.txt is a PDF, not a text file, despite its name.')
  }, 30_000)

  it('stops a file that takes longer than the limit, and reads the next one in a fresh worker', async () => {
    const started = Date.now()
    const refusal = await isolated.extract({ name: 'long.html', bytes: slowPage() }, { ...DEFAULT_LIMITS, maxMillis: 400 }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ImportRefused)
    expect((refusal as Error).message).toBe('long.html took longer than 400 ms to read, so it was stopped.')
    // Stopped at the limit, not when the parse would have finished (seconds later).
    expect(Date.now() - started).toBeLessThan(3_000)
    const next = await isolated.extract({ name: 'short.txt', bytes: encode('Still reading.\n') }, DEFAULT_LIMITS)
    expect(next.text).toBe('Still reading.')
  }, 30_000)

  it('refuses with a sentence when the reader cannot start', async () => {
    const broken = isolatedExtractor({ eval: 'process.exit(3)' })
    const refusal = await broken.extract({ name: 'any.txt', bytes: encode('words') }, DEFAULT_LIMITS).catch((error: unknown) => error)
    expect((refusal as Error).message).toBe('any.txt could not be read: the reader did not start (exit code 3).')
    await broken.close()
  })
})
