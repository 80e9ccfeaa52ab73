import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveLibraryDir } from './location'

describe('resolveLibraryDir', () => {
  it.each([
    ['the default', [], {}, '/data/library'],
    ['the environment variable', [], { LINER_NOTES_LIBRARY: '/env/lib' }, '/env/lib'],
    ['--library <dir>', ['--library', '/arg/lib'], { LINER_NOTES_LIBRARY: '/env/lib' }, '/arg/lib'],
    ['--library=<dir>', ['app', '--library=/arg/eq'], {}, '/arg/eq'],
    ['a relative folder, made absolute', ['--library', 'rel/lib'], {}, resolve('rel/lib')],
    ['a blank environment variable, ignored', [], { LINER_NOTES_LIBRARY: '  ' }, '/data/library']
  ])('uses %s', (_name, argv, env, expected) => {
    expect(resolveLibraryDir(argv, env, '/data/library')).toBe(expected)
  })
})
