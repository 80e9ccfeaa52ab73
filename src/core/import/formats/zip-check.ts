// DOCX and EPUB files are zips, and a zip can be a bomb: a few hundred kilobytes that expand to gigabytes.
// This module reads the zip's central directory itself (no byte is inflated), refuses a bomb from the sizes
// the zip declares, and then inflates only the entries an importer asks for, in small steps, stopping the
// moment an entry yields more than it declared, so a zip that lies about its sizes cannot fill memory either.
import { Inflate } from 'fflate'
import { ImportRefused, type ImportLimits } from '../types'

/** One file in the zip, as its central directory describes it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number
  compressedSize: number
  originalSize: number
  localHeaderOffset: number
  encrypted: boolean
}

/**
 * Above this ratio of expanded to compressed size an entry is taken for a bomb. Text and XML compress
 * by 3–15:1; a run of zeros compresses by about 1000:1. Entries smaller than RATIO_FLOOR are exempt:
 * an empty or tiny part can show any ratio and cannot hurt.
 */
const MAX_RATIO = 100
const RATIO_FLOOR = 1024 * 1024

/** How much compressed data is inflated per step: at most ~1000× this is produced before the count is checked. */
const INFLATE_STEP = 4096

const EOCD = 0x06054b50
const EOCD64_LOCATOR = 0x07064b50
const EOCD64 = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_UINT32 = 0xffffffff

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0
/** Zip64 fields are 64-bit; anything past 2^53 is a bomb or garbage, which the limits refuse anyway. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const stop = Math.max(0, bytes.length - 22 - 65535)
  for (let at = bytes.length - 22; at >= stop; at--) if (u32(bytes, at) === EOCD) return at
  return -1
}

/**
 * The entries of a zip, or ImportRefused if it is not a zip, or is a bomb by the sizes it declares:
 * more than `maxZipEntries` entries, more than `maxExpandedBytes` in all, or an entry over 100:1; or if it
 * holds a name that climbs out of the package, a symbolic link, or one name twice (refuseUnsafeEntry).
 */
export function listZip(fileName: string, bytes: Uint8Array, limits: ImportLimits, what: string): ZipEntry[] {
  const notZip = new ImportRefused(fileName, `${fileName} is not a ${what} file (it is not a zip archive, or it is damaged).`)
  const eocd = findEndOfCentralDirectory(bytes)
  if (eocd < 0) throw notZip
  let count = u16(bytes, eocd + 10)
  let offset = u32(bytes, eocd + 16)
  if (u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 12)
    if (u32(bytes, at) !== EOCD64) throw notZip
    count = u64(bytes, at + 32)
    offset = u64(bytes, at + 48)
  }
  if (count > limits.maxZipEntries) {
    throw new ImportRefused(fileName, `${fileName} holds ${count} files inside, more than the ${limits.maxZipEntries} a ${what} may have, so Liner Notes did not open it.`)
  }
  const entries: ZipEntry[] = []
  const seen = new Set<string>()
  let expanded = 0
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (u32(bytes, offset) !== CENTRAL) throw notZip
    const flags = u16(bytes, offset + 8)
    const nameLength = u16(bytes, offset + 28)
    const extraLength = u16(bytes, offset + 30)
    const commentLength = u16(bytes, offset + 32)
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      originalSize: u32(bytes, offset + 24),
      localHeaderOffset: u32(bytes, offset + 42),
      encrypted: (flags & 1) === 1
    }
    readZip64Extra(bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), entry)
    const madeBy = u16(bytes, offset + 4) >> 8
    const mode = u32(bytes, offset + 38) >>> 16
    offset += 46 + nameLength + extraLength + commentLength
    if (offset > bytes.length) throw notZip
    refuseUnsafeEntry(fileName, entry.name, madeBy, mode, seen)
    expanded += entry.originalSize
    const ratio = entry.originalSize / Math.max(1, entry.compressedSize)
    if (expanded > limits.maxExpandedBytes || (entry.originalSize > RATIO_FLOOR && ratio > MAX_RATIO)) {
      throw new ImportRefused(fileName, `${fileName} would expand to far more than its size (a "zip bomb"), so Liner Notes did not open it.`)
    }
    entries.push(entry)
  }
  return entries
}

/** Hosts whose zips keep Unix mode bits in the high half of the external attributes (APPNOTE 4.4.2): Unix, OS X. */
const UNIX_HOSTS = new Set([3, 19])
const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/**
 * Names no document or package needs, and that would climb out of (or past) a folder the zip were expanded
 * into: a `..` part, a leading slash or backslash, a drive letter. Importers read entries by name and never
 * write them to disk, but a zip that holds one was made to hurt, so the whole file is refused. So is a
 * symbolic link, and a name held twice (the same name in another case included, since `sources/` is looked
 * up without regard to case): which of two entries a reader takes is a choice a hostile file should not get.
 */
function refuseUnsafeEntry(fileName: string, name: string, madeBy: number, mode: number, seen: Set<string>): void {
  const path = name.replace(/\\/g, '/')
  if (path.startsWith('/') || /^[a-z]:/i.test(path) || path.split('/').includes('..')) {
    throw new ImportRefused(fileName, `${fileName} holds a file named “${name}”, a path that climbs out of the package or starts at a root, so Liner Notes did not open it.`)
  }
  if (UNIX_HOSTS.has(madeBy) && (mode & S_IFMT) === S_IFLNK) {
    throw new ImportRefused(fileName, `${fileName} holds a symbolic link (${name}), which no document or package needs, so Liner Notes did not open it.`)
  }
  const key = path.toLowerCase()
  if (seen.has(key)) throw new ImportRefused(fileName, `${fileName} holds ${name} twice, so Liner Notes did not open it.`)
  seen.add(key)
}

/** Zip64 stores sizes that overflow 32 bits in an extra field (APPNOTE 4.5.3), in this order. */
function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at)
    const size = u16(extra, at + 2)
    if (id === 0x0001) {
      let field = at + 4
      if (entry.originalSize === MAX_UINT32) (entry.originalSize = u64(extra, field)), (field += 8)
      if (entry.compressedSize === MAX_UINT32) (entry.compressedSize = u64(extra, field)), (field += 8)
      if (entry.localHeaderOffset === MAX_UINT32) entry.localHeaderOffset = u64(extra, field)
      return
    }
    at += 4 + size
  }
}

/**
 * One entry's bytes, inflated step by step; refused if it is encrypted, uses another compression, or
 * yields more (or fewer) bytes than the central directory declared.
 */
export function readZipEntry(fileName: string, bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const damaged = new ImportRefused(fileName, `${fileName} is damaged: the part "${entry.name}" cannot be read.`)
  if (entry.encrypted) throw new ImportRefused(fileName, `${fileName} is encrypted, so Liner Notes cannot read it.`)
  const at = entry.localHeaderOffset
  if (u32(bytes, at) !== LOCAL) throw damaged
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw damaged
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.originalSize) throw damaged
    return data.slice()
  }
  if (entry.method !== 8) throw damaged
  const out = new Uint8Array(entry.originalSize)
  let written = 0
  let overflow = false
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true
      // Thrown out of push() below: the rest of the entry is never inflated.
      throw damaged
    }
    out.set(chunk, written)
    written += chunk.length
  })
  try {
    for (let step = 0; step < data.length; step += INFLATE_STEP) {
      inflate.push(data.subarray(step, step + INFLATE_STEP), step + INFLATE_STEP >= data.length)
    }
    if (data.length === 0) inflate.push(data, true)
  } catch {
    if (overflow) {
      throw new ImportRefused(fileName, `${fileName} would expand to more than it declares (a "zip bomb"), so Liner Notes stopped reading it.`)
    }
    throw damaged
  }
  if (written !== out.length) throw damaged
  return out
}

/** The named entry as UTF-8 text, or null if the zip has no such entry. */
export function readZipText(fileName: string, bytes: Uint8Array, entries: ZipEntry[], name: string): string | null {
  const entry = entries.find((e) => e.name === name)
  return entry ? new TextDecoder().decode(readZipEntry(fileName, bytes, entry)) : null
}
