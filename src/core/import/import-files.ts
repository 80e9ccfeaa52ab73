// Bringing files into the library: each is read by its format's importer (off the main thread, in the
// core process), checked against what the library holds, and added as an article — its original kept
// byte for byte under originals/, its extracted text under texts/, both with their SHA-256. A file that
// cannot be read, or is already there, changes nothing; every outcome is reported with one sentence.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ArticleMeta, type Article } from '../../shared/model'
import { atomicWriteFile } from '../library/atomic-file'
import { LibraryError } from '../library/errors'
import { sha256Hex } from '../library/hash'
import { ORIGINALS_FOLDER, TEXTS_FOLDER } from '../library/layout'
import { factsOf, type LibraryStore } from '../library/store'
import type { ImportOutcome } from '../../shared/ipc/contract'
import { DEFAULT_LIMITS, ImportRefused, type Extracted, type ImportLimits } from './types'

export type { ImportOutcome }

export interface ImportFile {
  /** The file's name as the user had it (a path's last part). */
  name: string
  bytes: Uint8Array
}

export type Extractor = (file: ImportFile, limits: ImportLimits) => Promise<Extracted>

export interface ImportOptions {
  extract: Extractor
  limits?: ImportLimits
  signal?: AbortSignal
  progress?: (done: number, total: number, file: string) => void
}

const FORMAT_EXTENSIONS: Record<NonNullable<Article['original']>['format'], string> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  epub: 'epub',
  paste: 'txt'
}

/** Imports the files one after another; a refusal or duplicate never stops the others. */
export async function importFiles(store: LibraryStore, files: readonly ImportFile[], options: ImportOptions): Promise<ImportOutcome[]> {
  const limits = options.limits ?? DEFAULT_LIMITS
  const outcomes: ImportOutcome[] = []
  for (const [done, file] of files.entries()) {
    if (options.signal?.aborted) {
      outcomes.push({ file: file.name, status: 'refused', articleId: null, title: null, message: `${file.name} was not imported: the import was cancelled.` })
      continue
    }
    options.progress?.(done, files.length, file.name)
    outcomes.push(await importOne(store, file, options.extract, limits))
  }
  options.progress?.(files.length, files.length, '')
  return outcomes
}

async function importOne(store: LibraryStore, file: ImportFile, extract: Extractor, limits: ImportLimits): Promise<ImportOutcome> {
  const refused = (message: string): ImportOutcome => ({ file: file.name, status: 'refused', articleId: null, title: null, message })
  if (file.bytes.byteLength > limits.maxFileBytes) {
    return refused(`${file.name} is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB, the most Liner Notes imports at once; it was not read.`)
  }
  const originalSha = sha256Hex(file.bytes)
  await store.whenLoaded()
  const same = articleWithBytes(store.articles(), originalSha)
  if (same) {
    return { file: file.name, status: 'duplicate', articleId: same.id, title: same.meta.title || null, message: `${file.name} is already in your library as “${same.meta.title || same.id}”.` }
  }
  let extracted: Extracted
  try {
    extracted = await extract(file, limits)
  } catch (error) {
    if (error instanceof ImportRefused) return refused(error.message)
    return refused(`${file.name} could not be read: ${(error as Error).message}`)
  }
  if (extracted.text.trim() === '') return refused(`${file.name} holds no text to read.`)
  const sameText = store.articles().find((a) => a.sha256 === sha256Hex(new TextEncoder().encode(extracted.text)))
  const prepared = prepareArticle(store, file, extracted, originalSha)
  const { article } = prepared
  try {
    await prepared.write()
    await store.transact((tx) => {
      if (tx.article(article.id)) throw new LibraryError('conflict', `${file.name} is already in your library.`)
      tx.putArticle(article)
    })
  } catch (error) {
    await prepared.discard()
    return refused(`${file.name} could not be added: ${(error as Error).message}`)
  }
  const meta = article.meta
  const title = meta.title || null
  const message = sameText ? `The same text is already in your library as “${sameText.meta.title || sameText.id}”, from another file.` : ''
  return { file: file.name, status: 'imported', articleId: article.id, title, message }
}

/** An article about to be added: its record, and its two files, written before the record and taken back if that fails. */
export interface PreparedArticle {
  article: Article
  /** Writes the extracted text under texts/ and the original under originals/. */
  write(): Promise<void>
  /** Removes what write() wrote (the record was not added). */
  discard(): Promise<void>
}

/**
 * The article a file makes, as every import makes it: its id from the original's SHA-256, the extracted
 * text and the original kept byte for byte, the metadata the file states. Nothing is written until write().
 */
export function prepareArticle(store: LibraryStore, file: ImportFile, extracted: Extracted, originalSha: string = sha256Hex(file.bytes)): PreparedArticle {
  const text = extracted.text
  const textBytes = new TextEncoder().encode(text)
  const id = `a_${originalSha.slice(0, 20)}`
  const format = extracted.format as NonNullable<Article['original']>['format']
  const textFile = `${id}.txt`
  const originalFile = `${id}.${FORMAT_EXTENSIONS[format] ?? 'bin'}`
  const now = store.now()
  const kinds: Record<string, 'heading' | 'quote' | 'list-item'> = {}
  extracted.kinds.forEach((kind, line) => {
    if (kind !== 'paragraph') kinds[String(line)] = kind
  })
  const article: Article = {
    id,
    file: textFile,
    sha256: sha256Hex(textBytes),
    addedAt: now,
    updatedAt: now,
    meta: metaOf(extracted),
    correctedText: null,
    memo: null,
    original: { file: originalFile, sha256: originalSha, name: file.name.slice(0, 500), format, bytes: file.bytes.byteLength },
    ...(Object.keys(kinds).length > 0 ? { kinds } : {}),
    facts: factsOf(text)
  }
  const textPath = join(store.dir, TEXTS_FOLDER, textFile)
  const originalPath = join(store.dir, ORIGINALS_FOLDER, originalFile)
  return {
    article,
    async write() {
      await mkdir(join(store.dir, ORIGINALS_FOLDER), { recursive: true })
      await atomicWriteFile(textPath, textBytes)
      await atomicWriteFile(originalPath, file.bytes)
    },
    async discard() {
      await rm(textPath, { force: true })
      await rm(originalPath, { force: true })
    }
  }
}

/** The article already holding these bytes (as its original, or as its text when it has no other original). */
export function articleWithBytes(articles: readonly Article[], sha256: string): Article | undefined {
  return articles.find((a) => (a.original?.sha256 ?? a.sha256) === sha256)
}

/** The metadata the file states, checked as the library checks a typed value; what fails is left empty. */
function metaOf({ meta }: Extracted): ArticleMeta {
  const date = meta.date && ArticleMeta.shape.date.safeParse(meta.date).success ? meta.date : ''
  const url = meta.url && ArticleMeta.shape.url.safeParse(meta.url).success ? meta.url : ''
  return {
    title: (meta.title ?? '').trim().slice(0, 500),
    outlet: (meta.outlet ?? '').trim().slice(0, 200),
    author: (meta.author ?? '').trim().slice(0, 300),
    date,
    url,
    kind: meta.kind ?? ''
  }
}
