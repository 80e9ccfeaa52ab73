import { describe, expect, it } from 'vitest'
import { parseInvocation, UsageError } from './args'
import { parseExportRequest } from './export-request'

describe('parseInvocation', () => {
  it('reads a command, its arguments and the common flags', () => {
    expect(parseInvocation(['text', 'a1', '--library', 'lib', '--json'])).toMatchObject({ command: 'text', args: ['a1'], library: 'lib', json: true })
    expect(parseInvocation(['restore', 'b.zip', 'dir'])).toMatchObject({ command: 'restore', args: ['b.zip', 'dir'], json: false })
    expect(parseInvocation(['import', 'a.pdf', '--max-size', '300', '--max-seconds', '120'])).toMatchObject({ command: 'import', maxSize: 300, maxSeconds: 120 })
  })

  it.each([[['--help']], [['-h']], [['help']], [['list', '--help']], [['help', 'export']]])('reads %j as a request for help', (argv) => {
    expect(parseInvocation(argv).command).toBe('help')
  })

  it.each([
    [[], 'No command was given.'],
    [['lst'], 'There is no command called “lst”.'],
    [['list', '--verbose'], 'There is no flag called “--verbose”.'],
    [['list', '-x'], 'There is no flag called “-x”.'],
    [['list', '--json=yes'], 'The --json flag takes no value.'],
    [['list', '--scope', 'library'], 'The list command takes no --scope flag.'],
    [['list', 'extra'], 'The list command was given too many arguments (“extra”).'],
    [['text'], 'The text command needs articleId.'],
    [['restore'], 'The restore command needs FILE and DIR.'],
    [['restore', 'backup.zip'], 'The restore command needs DIR.'],
    [['export', '--scope', 'library', '--format', 'md'], 'The export command needs --out.'],
    [['backup', '--out'], 'The --out flag needs a value.'],
    [['backup', '--out='], 'The backup command needs --out.'],
    [['list', '--library='], 'The --library flag needs a folder.'],
    [['list', '--max-size', '5'], 'The list command takes no --max-size flag.'],
    [['import', 'a.pdf', '--max-size', 'big'], 'The --max-size flag needs a whole number of megabytes from 1 to 4096 (it was given “big”).'],
    [['import', 'a.pdf', '--max-seconds', '0'], 'The --max-seconds flag needs a whole number of seconds from 1 to 3600 (it was given “0”).']
  ])('refuses %j', (argv, sentence) => {
    expect(() => parseInvocation(argv)).toThrow(new UsageError(sentence))
  })
})

describe('parseExportRequest', () => {
  const exportOf = (scope: string, format: string) => parseExportRequest(parseInvocation(['export', '--scope', scope, '--format', format, '--out', '/tmp/x']))

  it.each([
    ['library', 'md', { kind: 'library' }, 'markdown'],
    ['article:a1', 'csv', { kind: 'article', articleId: 'a1' }, 'csv'],
    ['theme:Music/Jazz', 'json', { kind: 'theme', name: 'Music/Jazz' }, 'json'],
    ['note:note-1', 'md', { kind: 'note', noteId: 'note-1' }, 'markdown']
  ])('reads --scope %s --format %s', (scope, format, expectedScope, expectedFormat) => {
    expect(exportOf(scope, format)).toEqual({ scope: expectedScope, format: expectedFormat, out: '/tmp/x', rawCells: false })
  })

  it('reads --creator for JSON only, a name of 1 to 120 characters', () => {
    const read = (...extra: string[]) => parseExportRequest(parseInvocation(['export', '--scope', 'library', '--format', 'json', '--out', '/tmp/x', ...extra]))
    expect(read('--creator', ' Ada Critic ').creator).toBe('Ada Critic')
    expect(read().creator).toBeUndefined()
    expect(() => read('--creator', ' ')).toThrow(new UsageError('The --creator flag takes a name of 1 to 120 characters.'))
    expect(() => parseExportRequest(parseInvocation(['export', '--scope', 'library', '--format', 'csv', '--out', '/tmp/x', '--creator', 'Ada']))).toThrow(
      new UsageError('The --creator flag is for --format json only.')
    )
  })

  it('reads --raw-cells for CSV only', () => {
    expect(parseExportRequest(parseInvocation(['export', '--scope', 'library', '--format', 'csv', '--out', '/tmp/x', '--raw-cells'])).rawCells).toBe(true)
    expect(() => parseExportRequest(parseInvocation(['export', '--scope', 'library', '--format', 'md', '--out', '/tmp/x', '--raw-cells']))).toThrow(
      new UsageError('The --raw-cells flag is for --format csv only.')
    )
  })

  it.each([
    ['library', 'pdf', 'The --format flag takes md, csv, json, qdc or qdpx, not “pdf”.'],
    ['library', 'toString', 'The --format flag takes md, csv, json, qdc or qdpx, not “toString”.'],
    ['everything', 'md', 'The --scope flag takes library, article:<articleId>, theme:<name> or note:<noteId>, not “everything”.'],
    ['theme:', 'md', 'The --scope flag takes library, article:<articleId>, theme:<name> or note:<noteId>, not “theme:”.']
  ])('refuses --scope %s --format %s', (scope, format, sentence) => {
    expect(() => exportOf(scope, format)).toThrow(new UsageError(sentence))
  })
})
