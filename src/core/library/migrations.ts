// Brings a library file written by any earlier version of the app up to the current schema, one
// numbered step at a time. Each step takes the previous version's shape (checked) and returns the next.
import { z } from 'zod'
import { DEFAULT_PREFERENCES, LibraryData } from '../../shared/model'
import { LibraryError } from './errors'

export const CURRENT_SCHEMA_VERSION = 4

/** Version 1: the first release. Article metadata sat flat on the article; no preferences. */
const V1 = z.object({
  schemaVersion: z.literal(1),
  articles: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      sha256: z.string(),
      addedAt: z.string(),
      title: z.string(),
      outlet: z.string(),
      author: z.string(),
      date: z.string(),
      kind: z.string(),
      url: z.string()
    })
  )
})

/** Version 2: metadata nested under `meta`, reader preferences; no highlights or themes yet. */
const V2 = z.object({
  schemaVersion: z.literal(2),
  articles: z.array(z.looseObject({ id: z.string() })),
  preferences: z.unknown()
})

/** Version 3: highlights, themes and corrected texts; no notes anywhere yet. */
const V3 = z.object({
  schemaVersion: z.literal(3),
  articles: z.array(z.looseObject({ id: z.string() })),
  themes: z.array(z.unknown()),
  highlights: z.array(z.looseObject({ id: z.string() })),
  preferences: z.unknown()
})

type Step = (data: unknown) => unknown

/** steps[n] turns a version-n file into a version-(n+1) file. */
const steps: Record<number, Step> = {
  1: (data) => {
    const v1 = V1.parse(data)
    return {
      schemaVersion: 2,
      articles: v1.articles.map(({ id, file, sha256, addedAt, ...meta }) => ({
        id,
        file,
        sha256,
        addedAt,
        updatedAt: addedAt,
        meta
      })),
      preferences: DEFAULT_PREFERENCES
    }
  },
  // Highlights, themes and corrected texts arrive; the store seeds the starting codebook afterwards.
  2: (data) => {
    const v2 = V2.parse(data)
    return {
      ...v2,
      schemaVersion: 3,
      articles: v2.articles.map((article) => ({ ...article, correctedText: null })),
      themes: [],
      highlights: []
    }
  },
  // Notes arrive: free-standing notes, a note on each highlight and a memo on each article, all empty.
  3: (data) => {
    const v3 = V3.parse(data)
    return {
      ...v3,
      schemaVersion: 4,
      articles: v3.articles.map((article) => ({ ...article, memo: null })),
      highlights: v3.highlights.map((highlight) => ({ ...highlight, note: null })),
      notes: []
    }
  }
}

export interface Migrated {
  data: LibraryData
  /** The version the file was at, when it had to be migrated. */
  from: number | null
}

export function migrate(raw: unknown): Migrated {
  const version = readVersion(raw)
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new LibraryError(
      'library-unreadable',
      `The library was written by a newer version of Liner Notes (schema ${version}); this version reads up to ${CURRENT_SCHEMA_VERSION}.`
    )
  }
  let data = raw
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = steps[v]
    if (!step) throw new Error(`No migration from schema version ${v}`)
    try {
      data = step(data)
    } catch (error) {
      throw unreadable(`it does not match schema version ${v}`, error)
    }
  }
  const parsed = LibraryData.safeParse(data)
  if (!parsed.success) throw unreadable('it does not match the expected shape', parsed.error)
  return { data: parsed.data, from: version === CURRENT_SCHEMA_VERSION ? null : version }
}

function readVersion(raw: unknown): number {
  const version = z.object({ schemaVersion: z.number().int().min(1) }).safeParse(raw)
  if (!version.success) throw unreadable('it has no schema version', version.error)
  return version.data.schemaVersion
}

function unreadable(why: string, cause: unknown): LibraryError {
  const detail = cause instanceof z.ZodError ? ` (${z.prettifyError(cause).split('\n').slice(0, 4).join('; ')})` : ''
  return new LibraryError('library-unreadable', `The library file cannot be read: ${why}${detail}. It was left as it is.`)
}
