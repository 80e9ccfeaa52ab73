import type { FuseV1Config } from '@electron/fuses'

export const FUSES: Readonly<{
  RunAsNode: false
  EnableNodeOptionsEnvironmentVariable: false
  EnableNodeCliInspectArguments: false
  EnableCookieEncryption: true
  EnableEmbeddedAsarIntegrityValidation: true
  OnlyLoadAppFromAsar: true
  GrantFileProtocolExtraPrivileges: false
}>
export function fuseConfig(platform?: NodeJS.Platform | string): FuseV1Config
export function flipAppFuses(executable: string, platform?: NodeJS.Platform | string): Promise<number>
export default function afterPack(context: {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string }; executableName: string }
}): Promise<void>
