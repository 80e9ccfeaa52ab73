// REFI-QDA projects made to hurt: entry names that climb out of the package or are absolute, a symbolic
// link, one name twice, a bomb by ratio and one that lies about its size, a truncated package, a file that
// is no zip, a DOCTYPE declaring entities ("billion laughs") and a project.qde nested a million deep. Each
// is refused with one sentence naming the file; the library's files stay byte-identical, nothing appears
// in the folder beside it, and the process's memory grows by less than MEMORY_CAP.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { archiveLibrary } from '../export/test-library'
import { fixedNow, peakMemory, withTempDir } from '../library/test-support'
import { openTestClient } from '../services/test-client'
import { projectExport } from './project-export'

const MB = 1024 * 1024
/** What importing one hostile project may add to the process's resident memory, at most. */
const MEMORY_CAP = 200 * MB

/** The entries of a small, valid project: the bundled library exported. */
function goodProject(): Record<string, Uint8Array> {
  return unzipSync(projectExport(archiveLibrary(), { now: fixedNow(), name: 'x' }).zip)
}

/** Changes what the zip's local header and directory say of `name`: its expanded size, or its name. */
function patch(zip: Uint8Array, name: string, change: { size?: number; rename?: string }): Uint8Array {
  const out = Buffer.from(zip)
  const encoded = Buffer.from(name)
  for (let at = out.indexOf(encoded); at !== -1; at = out.indexOf(encoded, at + 1)) {
    const local = at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50
    const central = at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50
    if (change.size !== undefined && local) out.writeUInt32LE(change.size, at - 30 + 22)
    if (change.size !== undefined && central) out.writeUInt32LE(change.size, at - 46 + 24)
    if (change.rename !== undefined && (local || central)) Buffer.from(change.rename).copy(out, at)
  }
  return out
}

/** A project whose project.qde is `xml`, beside the good project's sources; stored (level 0) unless asked. */
function withQde(xml: string, level: 0 | 9 = 0): Uint8Array {
  return zipSync({ ...goodProject(), 'project.qde': strToU8(xml) }, { level })
}

/** Unix mode bits of a symbolic link, as "made by Unix" zips keep them in the high half of the external attributes. */
const SYMLINK_ATTRS = (0o120777 << 16) >>> 0

const laughs = (): string => {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return `<?xml version="1.0"?>\n<!DOCTYPE Project [\n${entities.join('\n')}\n]>\n<Project name="&lol9;"><Description>&lol9;</Description></Project>`
}

interface Case {
  name: string
  file: string
  bytes: () => Uint8Array
  message: RegExp
}

const CASES: Case[] = [
  ...['../x.txt', '/abs.txt', 'C:\\x.txt', 'sources/../../x.txt', '..\\..\\x.txt'].map((entry) => ({
    name: `an entry named ${entry}`,
    file: 'climb.qdpx',
    bytes: () => zipSync({ ...goodProject(), [entry]: strToU8('outside') } as Zippable),
    message: /^climb\.qdpx holds a file named “.+”, a path that climbs out of the package or starts at a root, so Liner Notes did not open it\.$/
  })),
  {
    name: 'a symbolic link',
    file: 'link.qdpx',
    bytes: () => zipSync({ ...goodProject(), 'sources/link.txt': [strToU8('/etc/passwd'), { os: 3, attrs: SYMLINK_ATTRS }] }),
    message: /^link\.qdpx holds a symbolic link \(sources\/link\.txt\), which no document or package needs, so Liner Notes did not open it\.$/
  },
  {
    name: 'one name twice',
    file: 'twice.qdpx',
    bytes: () => {
      const entries = goodProject()
      return patch(zipSync({ ...entries, 'project.qdX': strToU8('<Project name="other"/>') }), 'project.qdX', { rename: 'project.qde' })
    },
    message: /^twice\.qdpx holds project\.qde twice, so Liner Notes did not open it\.$/
  },
  {
    name: 'a bomb by its declared ratio',
    file: 'bomb.qdpx',
    bytes: () => zipSync({ ...goodProject(), 'sources/bomb.txt': new Uint8Array(64 * MB) }, { level: 9 }),
    message: /^bomb\.qdpx would expand to far more than its size \(a "zip bomb"\), so Liner Notes did not open it\.$/
  },
  {
    name: 'a project.qde expanding past the size it declares',
    file: 'liar.qdpx',
    // 64 MB of spaces declared as 1,000 bytes: the ratio check cannot see it; the expansion must stop.
    bytes: () => patch(withQde(`<Project name="x">${' '.repeat(64 * MB)}</Project>`, 9), 'project.qde', { size: 1000 }),
    message: /^liar\.qdpx would expand to more than it declares \(a "zip bomb"\), so Liner Notes stopped reading it\.$/
  },
  {
    name: 'a truncated package',
    file: 'cut.qdpx',
    bytes: () => {
      const whole = zipSync(goodProject())
      return whole.subarray(0, Math.floor(whole.length / 2))
    },
    message: /^cut\.qdpx is not a REFI-QDA project \(\.qdpx\) file \(it is not a zip archive, or it is damaged\)\.$/
  },
  {
    name: 'a package cut inside its directory',
    file: 'cut-directory.qdpx',
    bytes: () => {
      const whole = zipSync(goodProject())
      // The end record kept, the directory it points at shortened by 30 bytes.
      return Buffer.concat([whole.subarray(0, whole.length - 22 - 30), whole.subarray(whole.length - 22)])
    },
    message: /^cut-directory\.qdpx is not a REFI-QDA project \(\.qdpx\) file \(it is not a zip archive, or it is damaged\)\.$/
  },
  {
    name: 'a file that is no zip',
    file: 'text.qdpx',
    bytes: () => strToU8('<Project name="not zipped"/>'),
    message: /^text\.qdpx is not a REFI-QDA project \(\.qdpx\) file \(it is not a zip archive, or it is damaged\)\.$/
  },
  {
    name: 'a DOCTYPE declaring entities (billion laughs)',
    file: 'laughs.qdpx',
    bytes: () => withQde(laughs()),
    message: /^laughs\.qdpx is not a readable REFI-QDA project: its XML declares a DOCTYPE, which REFI-QDA files never do\.$/
  },
  {
    name: 'a project.qde nested a million elements deep',
    file: 'deep.qdpx',
    bytes: () => withQde(`<Project name="x"><Description>${'<a>'.repeat(1_000_000)}${'</a>'.repeat(1_000_000)}</Description></Project>`),
    message: /^deep\.qdpx is not a readable REFI-QDA project: its XML nests elements more than 256 levels deep\.$/
  },
  {
    name: 'codes nested 100,000 deep',
    file: 'deep-codes.qdpx',
    bytes: () => withQde(`<Project name="x"><CodeBook><Codes>${'<Code guid="0" name="c">'.repeat(100_000)}${'</Code>'.repeat(100_000)}</Codes></CodeBook></Project>`),
    message: /^deep-codes\.qdpx is not a readable REFI-QDA project: its XML nests elements more than 256 levels deep\.$/
  }
]

describe('hostile REFI-QDA projects', () => {
  it.each(CASES)('refuses $name with one sentence naming the file, writing nothing', ({ file, bytes, message }) =>
    withTempDir(async (dir) => {
      const canary = join(dir, 'canary')
      await mkdir(canary)
      const client = await openTestClient(join(dir, 'library', 'inner'))
      try {
        const before = await client.fingerprint()
        const path = join(dir, file)
        await writeFile(path, bytes())
        const { peak, outcome } = await peakMemory(() => client.call('imports:paths', { paths: [path] }))
        expect(outcome.refused).toBe(1)
        expect(outcome.imported).toBe(0)
        expect(outcome.outcomes.map((o) => o.message)).toEqual([expect.stringMatching(message)])
        expect(await client.fingerprint()).toBe(before)
        expect(await readdir(canary)).toEqual([])
        expect(await readdir(join(dir, 'library'))).toEqual(['inner'])
        expect(peak).toBeLessThan(MEMORY_CAP)
      } finally {
        await client.services.close()
      }
    })
  )
})
