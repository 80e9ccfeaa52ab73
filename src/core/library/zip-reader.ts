// Reads a zip the way a hostile one requires: the central directory at its end first (a few kilobytes),
// so the number of entries, their names and the sizes they declare are all checked before any byte is
// expanded; then only the entries asked for, each streamed from its own offset a small piece at a time and
// stopped the moment it expands past what it declared. fflate inflates; the zip structure is read here
// (APPNOTE.TXT 6.3, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT, §4.3).
import type { FileHandle } from 'node:fs/promises'
import { Inflate } from 'fflate'

export interface ZipEntry {
  name: string
  /** 0: stored, 8: deflated (the only two a backup uses). */
  method: number
  compressedSize: number
  /** As the directory declares it; expansion stops past it. */
  size: number
  localOffset: number
}

export interface ZipLimits {
  maxEntries: number
  maxEntryBytes: number
  maxTotalBytes: number
  /** Expanded to compressed, for entries over `ratioFloorBytes`: a "zip bomb" declares far more than this. */
  maxRatio: number
  ratioFloorBytes: number
}

/** Why a zip is refused, as a sentence; `kind` says which limit or flaw. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'not-a-zip' | 'too-large' | 'damaged',
    message: string
  ) {
    super(message)
    this.name = 'ZipProblem'
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const TAIL = 22 + 0xffff
/** Compressed bytes handed to the inflater at a time: at the deflate format’s ceiling (1032:1), 16.5 MB out. */
const PIECE = 16 * 1024
/** The directory of a million-entry backup is about 100 MB; one larger is refused unread. */
const MAX_DIRECTORY_BYTES = 128 * 1024 * 1024

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

/** Every entry the central directory lists, checked against `limits` (names each once, sizes, ratios). */
export async function readDirectory(handle: FileHandle, limits: ZipLimits): Promise<ZipEntry[]> {
  const { size: fileSize } = await handle.stat()
  const tailStart = Math.max(0, fileSize - TAIL)
  const tail = await readAt(handle, tailStart, fileSize - tailStart)
  let at = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i
      break
    }
  }
  if (at === -1) throw new ZipProblem('not-a-zip', 'This file is not a readable zip archive (it has no central directory).')
  const count = tail.readUInt16LE(at + 10)
  const directorySize = tail.readUInt32LE(at + 12)
  const directoryOffset = tail.readUInt32LE(at + 16)
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipProblem('too-large', 'This zip uses the 64-bit extension, which no Liner Notes backup does; it was not opened.')
  }
  if (count > limits.maxEntries) throw new ZipProblem('too-large', `The zip holds more than ${limits.maxEntries.toLocaleString('en')} files; it was not opened.`)
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > tailStart + at) {
    throw new ZipProblem('damaged', 'The zip’s directory does not fit inside the file; it was not opened.')
  }
  const directory = await readAt(handle, directoryOffset, directorySize)
  const entries: ZipEntry[] = []
  const names = new Set<string>()
  let total = 0
  let p = 0
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipProblem('damaged', 'The zip’s directory is cut short; it was not opened.')
    const flags = directory.readUInt16LE(p + 8)
    const method = directory.readUInt16LE(p + 10)
    const compressedSize = directory.readUInt32LE(p + 20)
    const size = directory.readUInt32LE(p + 24)
    const nameLength = directory.readUInt16LE(p + 28)
    const extraLength = directory.readUInt16LE(p + 30)
    const commentLength = directory.readUInt16LE(p + 32)
    const localOffset = directory.readUInt32LE(p + 42)
    const name = directory.subarray(p + 46, p + 46 + nameLength).toString('utf8')
    p += 46 + nameLength + extraLength + commentLength
    if (names.has(name)) throw new ZipProblem('damaged', `The zip holds ${name} twice; it was not opened.`)
    names.add(name)
    if (flags & 1) throw new ZipProblem('damaged', `The zip’s ${name} is encrypted; it was not opened.`)
    if (method !== 0 && method !== 8) throw new ZipProblem('damaged', `The zip’s ${name} is compressed in a way backups never are (method ${method}); it was not opened.`)
    if (method === 0 && compressedSize !== size) throw new ZipProblem('damaged', `The zip’s ${name} declares two different sizes; it was not opened.`)
    if (size > limits.maxEntryBytes) throw new ZipProblem('too-large', `The zip’s ${name} is larger than any library file could be; it was not opened.`)
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      throw new ZipProblem('too-large', `The zip’s ${name} expands more than ${limits.maxRatio}:1, as no library file does; it was not opened.`)
    }
    total += size
    if (total > limits.maxTotalBytes) throw new ZipProblem('too-large', 'The zip expands to more than any library holds; it was not opened.')
    if (localOffset + 30 + compressedSize > directoryOffset) throw new ZipProblem('damaged', `The zip’s ${name} lies outside its data; it was not opened.`)
    entries.push({ name, method, compressedSize, size, localOffset })
  }
  return entries
}

/**
 * Expands one entry, handing each piece to `write` (awaited before the next is read), so at most one piece
 * and what it expands to are in memory. An entry that expands past its declared size is stopped there.
 */
export async function expandEntry(handle: FileHandle, entry: ZipEntry, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const local = await readAt(handle, entry.localOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new ZipProblem('damaged', `The zip’s ${entry.name} is not where its directory says; it was not opened.`)
  let at = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  const end = at + entry.compressedSize
  let expanded = 0
  let pending: Uint8Array[] = []
  const take = (chunk: Uint8Array): void => {
    expanded += chunk.length
    // Thrown inside the inflater, so it stops expanding this piece at once.
    if (expanded > entry.size) throw new ZipProblem('damaged', `The zip’s ${entry.name} expands past the size it declares; it was not opened.`)
    pending.push(chunk)
  }
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null
  const flush = async (): Promise<void> => {
    const ready = pending
    pending = []
    for (const chunk of ready) await write(chunk)
  }
  while (at < end) {
    const piece = await readAt(handle, at, Math.min(PIECE, end - at))
    if (piece.length === 0) throw new ZipProblem('damaged', `The zip ends in the middle of ${entry.name}.`)
    at += piece.length
    try {
      if (inflater) inflater.push(piece, at >= end)
      else take(piece)
    } catch (error) {
      throw error instanceof ZipProblem ? error : new ZipProblem('damaged', `The zip’s ${entry.name} cannot be expanded (${(error as Error).message}).`)
    }
    await flush()
  }
  if (inflater && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true)
  await flush()
  if (expanded !== entry.size) throw new ZipProblem('damaged', `The zip’s ${entry.name} is shorter than it declares.`)
}
