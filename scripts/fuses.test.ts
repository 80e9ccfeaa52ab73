// The fuse settings cannot be applied here (that needs a packaged app); this checks the configuration
// handed to @electron/fuses, fuse by fuse.
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { fuseConfig } from './fuses.mjs'

describe('fuseConfig', () => {
  const config = fuseConfig('linux')

  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableCookieEncryption', true],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['GrantFileProtocolExtraPrivileges', false]
  ] as const)('sets %s to %s', (name, on) => {
    expect((config as Record<number, boolean>)[FuseV1Options[name]]).toBe(on)
  })

  it('leaves the V8 snapshot fuse as Electron ships it and sets nothing else', () => {
    const wire = Object.keys(config).filter((key) => /^\d+$/.test(key))
    expect(wire.map(Number).sort()).toEqual(
      ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments',
        'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'GrantFileProtocolExtraPrivileges']
        .map((name) => FuseV1Options[name as keyof typeof FuseV1Options]).sort()
    )
  })

  it('is a version 1 fuse wire, re-signed ad hoc only on macOS', () => {
    expect(config.version).toBe(FuseVersion.V1)
    expect(config.resetAdHocDarwinSignature).toBe(false)
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true)
  })
})
