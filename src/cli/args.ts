// The command line's grammar: which commands exist, which flags and arguments each takes, and the one
// kind of mistake (a usage error, exit 2) that is reported before any library is opened.
import { parseArgs } from 'node:util'

export const COMMANDS = ['list', 'text', 'search', 'import', 'annotations', 'export', 'backup', 'restore', 'check', 'stats', 'analyze', 'help'] as const
export type CommandName = (typeof COMMANDS)[number]

type Flag = 'library' | 'json' | 'help' | 'scope' | 'format' | 'out' | 'article' | 'max-size' | 'max-seconds' | 'kind' | 'speaker' | 'raw-cells' | 'creator' | 'merge-themes' | 'theme' | 'roll-up'

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  scope: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  article: { type: 'string' },
  'max-size': { type: 'string' },
  'max-seconds': { type: 'string' },
  kind: { type: 'string' },
  speaker: { type: 'string' },
  'raw-cells': { type: 'boolean' },
  creator: { type: 'string' },
  'merge-themes': { type: 'boolean' },
  theme: { type: 'string' },
  'roll-up': { type: 'boolean' }
} as const

const COMMON: readonly Flag[] = ['library', 'json', 'help']

/** What each command accepts beyond the common flags, and the names of its positional arguments. */
const GRAMMAR: Record<CommandName, { flags: readonly Flag[]; required: readonly Flag[]; positionals: readonly string[]; more?: boolean }> = {
  list: { flags: [], required: [], positionals: [] },
  // One file or folder at least, as many as given.
  import: { flags: ['max-size', 'max-seconds', 'merge-themes'], required: [], positionals: ['a file or folder'], more: true },
  // `annotations import FILE`: the first positional is the subcommand, checked in parseInvocation.
  annotations: { flags: ['article'], required: [], positionals: ['import', 'a file'] },
  text: { flags: [], required: [], positionals: ['articleId'] },
  search: { flags: ['kind', 'speaker'], required: [], positionals: ['a query'] },
  export: { flags: ['scope', 'format', 'out', 'raw-cells', 'creator'], required: ['scope', 'format', 'out'], positionals: [] },
  backup: { flags: ['out'], required: ['out'], positionals: [] },
  restore: { flags: [], required: [], positionals: ['FILE', 'DIR'] },
  check: { flags: [], required: [], positionals: [] },
  stats: { flags: [], required: [], positionals: [] },
  // `analyze matrix|cooccurrence|speakers|words`: the analysis is checked in parseInvocation.
  analyze: { flags: ['theme', 'article', 'speaker', 'roll-up', 'format'], required: [], positionals: ['matrix, cooccurrence, speakers or words'] },
  help: { flags: [], required: [], positionals: [] }
}

export interface Invocation {
  command: CommandName
  /** The positional arguments after the command, in the order GRAMMAR names them. */
  args: string[]
  library: string | undefined
  json: boolean
  scope: string | undefined
  format: string | undefined
  out: string | undefined
  /** annotations import --article: the article every annotation goes on. */
  article: string | undefined
  /** import --max-size (MB) and --max-seconds: this import's limits on one file. */
  maxSize: number | undefined
  maxSeconds: number | undefined
  /** search --kind and --speaker. */
  kind: 'article' | 'highlight' | 'note' | 'theme' | undefined
  speaker: string | undefined
  /** export --raw-cells: CSV cells as they are, without the protection against spreadsheet formulas. */
  rawCells: boolean
  /** export --creator: the name credited as each Web Annotation's creator. */
  creator: string | undefined
  /** import --merge-themes: a REFI-QDA file's codes join the library's themes of the same name instead of being kept apart. */
  mergeThemes: boolean
  /** analyze --theme (a theme's name or parent/child path) and --roll-up (sub-themes counted in their parents). */
  theme: string | undefined
  rollUp: boolean
}

/** A mistake in how the command was typed; its message is one sentence. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The invocation argv asks for; `help` when it asks for help anywhere. Throws UsageError. */
export function parseInvocation(argv: readonly string[]): Invocation {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(parseArgsMessage(error))
  }
  const { values, positionals } = parsed
  const [first, ...rest] = positionals
  const base = {
    library: values.library,
    json: values.json ?? false,
    scope: values.scope,
    format: values.format,
    out: values.out,
    article: values.article,
    maxSize: wholeNumber('--max-size', values['max-size'], 4096, 'megabytes'),
    maxSeconds: wholeNumber('--max-seconds', values['max-seconds'], 3600, 'seconds'),
    kind: searchKind(values.kind),
    speaker: values.speaker,
    rawCells: values['raw-cells'] ?? false,
    creator: values.creator,
    mergeThemes: values['merge-themes'] ?? false,
    theme: values.theme,
    rollUp: values['roll-up'] ?? false
  }
  if (values.speaker === '') throw new UsageError('The --speaker flag needs a name.')
  if (values.library === '') throw new UsageError('The --library flag needs a folder.')
  if (values.article === '') throw new UsageError('The --article flag needs an article id.')
  if (values.theme === '') throw new UsageError('The --theme flag needs a theme’s name.')
  if (values.help || first === 'help') return { command: 'help', args: [], ...base }
  if (first === undefined) throw new UsageError('No command was given.')
  if (!isCommand(first)) throw new UsageError(`There is no command called “${first}”.`)

  const grammar = GRAMMAR[first]
  for (const flag of Object.keys(values) as Flag[]) {
    if (!COMMON.includes(flag) && !grammar.flags.includes(flag)) throw new UsageError(`The ${first} command takes no --${flag} flag.`)
  }
  for (const flag of grammar.required) {
    // A REFI-QDA codebook or project is the whole library: its export needs no --scope.
    const wholeLibrary = first === 'export' && flag === 'scope' && (values.format === 'qdc' || values.format === 'qdpx')
    if (!values[flag] && !wholeLibrary) throw new UsageError(`The ${first} command needs --${flag}.`)
  }
  if (first === 'annotations' && rest[0] !== 'import') {
    throw new UsageError(
      rest[0] === undefined ? 'The annotations command needs import (annotations import FILE).' : `The annotations command has no “${rest[0]}”; it has import (annotations import FILE).`
    )
  }
  if (first === 'analyze' && rest[0] !== undefined && !(ANALYSES as readonly string[]).includes(rest[0])) {
    throw new UsageError(`The analyze command has no “${rest[0]}”; it has matrix, cooccurrence, speakers and words.`)
  }
  if (rest.length < grammar.positionals.length) {
    const missing = grammar.positionals.slice(rest.length).join(' and ')
    throw new UsageError(`The ${first} command needs ${missing}.`)
  }
  if (rest.length > grammar.positionals.length && !grammar.more) throw new UsageError(`The ${first} command was given too many arguments (“${rest.at(-1)}”).`)
  return { command: first, args: rest, ...base }
}

const SEARCH_KINDS = ['article', 'highlight', 'note', 'theme'] as const

/** What `analyze` can count. */
export const ANALYSES = ['matrix', 'cooccurrence', 'speakers', 'words'] as const
export type AnalysisName = (typeof ANALYSES)[number]

function searchKind(value: string | undefined): Invocation['kind'] {
  if (value === undefined) return undefined
  const kind = SEARCH_KINDS.find((k) => k === value)
  if (kind === undefined) throw new UsageError(`The --kind flag takes article, highlight, note or theme (it was given “${value}”).`)
  return kind
}

/** A flag's whole number from 1 to `most`, or undefined when the flag was not given. */
function wholeNumber(flag: string, value: string | undefined, most: number, unit: string): number | undefined {
  if (value === undefined) return undefined
  const number = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(number >= 1 && number <= most)) throw new UsageError(`The ${flag} flag needs a whole number of ${unit} from 1 to ${most} (it was given “${value}”).`)
  return number
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name)
}

/** parseArgs's own messages name the option but add advice that does not fit here; keep the first sentence. */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string }).code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1]
    return option ? `There is no flag called “${option}”.` : 'An unknown flag was given.'
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--[a-z]+)/.exec(message)?.[1] ?? 'a'
    return message.includes('does not take') ? `The ${option} flag takes no value.` : `The ${option} flag needs a value.`
  }
  return message.split(/(?<=\.)\s/)[0] ?? message
}
