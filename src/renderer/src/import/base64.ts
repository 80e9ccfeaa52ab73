// Dropped files cross to the core as base64, since the page cannot name paths on disk. Spreading a whole
// file into String.fromCharCode overflows the call stack on big files, so each chunk is encoded alone.

/** A multiple of 3, so each chunk encodes without padding and the pieces join into one valid string. */
const CHUNK_BYTES = 3 * 16 * 1024

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))))
  }
  return parts.join('')
}
