// The only module that touches window.linerNotes: a typed call() that unwraps the contract's Result and
// throws an ApiFailure carrying the main side's readable message.
import type { Channel } from '../../shared/ipc/channels'
import type { ApiError, LinerNotesApi, RequestOf, ResponseOf, Result } from '../../shared/ipc/contract'

declare global {
  interface Window {
    linerNotes: LinerNotesApi
  }
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
  }
}

/** The sentence to show for a failed request (main's readable message), or for anything else thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  // TypeScript cannot narrow a mapped type by a generic key; the contract guarantees the pairing.
  const invoke = window.linerNotes[channel] as unknown as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
  const result = await invoke(request)
  if (!result.ok) throw new ApiFailure(result.error)
  return result.value
}

export const onAppCommand: LinerNotesApi['onAppCommand'] = (listener) => window.linerNotes.onAppCommand(listener)
export const onOpenPassage: LinerNotesApi['onOpenPassage'] = (listener) => window.linerNotes.onOpenPassage(listener)
export const onProgress: LinerNotesApi['onProgress'] = (listener) => window.linerNotes.onProgress(listener)
export const onLibraryChanged: LinerNotesApi['onLibraryChanged'] = (listener) => window.linerNotes.onLibraryChanged(listener)

/** Where a dropped file lies on disk; '' when it has none (then it is sent by content). */
export const pathForFile = (file: File): string => window.linerNotes.pathForFile(file)
