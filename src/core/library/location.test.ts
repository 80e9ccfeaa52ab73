import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultLibraryDir, resolveLibraryDir } from './location'

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

describe('defaultLibraryDir', () => {
  // Where Electron's app.getPath('userData') puts an app called liner-notes, plus /library.
  it.each([
    ['Linux', 'linux', {}, '/home/ada', '/home/ada/.config/liner-notes/library'],
    ['Linux with XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada', '/cfg/liner-notes/library'],
    ['Linux with a blank XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: ' ' }, '/home/ada', '/home/ada/.config/liner-notes/library'],
    ['macOS', 'darwin', { XDG_CONFIG_HOME: '/cfg' }, '/Users/ada', '/Users/ada/Library/Application Support/liner-notes/library'],
    ['Windows', 'win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada', 'C:\\Users\\ada\\AppData\\Roaming\\liner-notes\\library'],
    ['Windows without APPDATA', 'win32', {}, 'C:\\Users\\ada', 'C:\\Users\\ada\\AppData\\Roaming\\liner-notes\\library']
  ] as const)('on %s', (_name, platform, env, home, expected) => {
    expect(defaultLibraryDir(platform, env, home)).toBe(expected)
  })
})
