// SHA-256 of a text's bytes, the fingerprint that proves an original was never altered.
import { createHash } from 'node:crypto'

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')
