// The main-side boundary of the IPC contract: every request is checked against its channel's schema
// before a handler sees it, and every outcome, success or failure, goes back as a Result.
import { z } from 'zod'
import { contract, type ErrorCode, type Result } from '../../shared/ipc/contract'
import { isChannel, type Channel } from '../../shared/ipc/channels'
import { describeFsError, LibraryError } from '../library/errors'
import type { Handlers } from '../services'

/** Handlers are resolved lazily so that a library that failed to open still answers with its error. */
export type HandlerSource = () => Promise<Handlers>

export async function dispatch(source: HandlerSource, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return failure('invalid-request', `There is no request called “${String(channel)}”.`)
  }
  const checked = checkRequest(channel, payload)
  if (!checked.ok) return failure('invalid-request', `The ${channel} request was refused: ${checked.why}`)
  try {
    const handlers = await source()
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>
    return { ok: true, value: await handler(checked.request) }
  } catch (error) {
    if (error instanceof LibraryError) return failure(error.code, error.message)
    // A file the system would not read or write (a full disk, a read-only folder): said in words, with where.
    const { code, path } = error as NodeJS.ErrnoException
    if (typeof code === 'string' && typeof path === 'string') return failure('library-unreadable', describeFsError(error, path))
    if (error instanceof z.ZodError) return failure('invalid-request', `The change was refused: ${describeIssues(error)}`)
    return failure('internal', `Something went wrong in Liner Notes: ${(error as Error).message ?? String(error)}`)
  }
}

/** The request as its channel's schema reads it, or why it was refused. */
function checkRequest(channel: Channel, payload: unknown): { ok: true; request: unknown } | { ok: false; why: string } {
  try {
    const parsed = contract[channel].request.safeParse(payload ?? {})
    return parsed.success ? { ok: true, request: parsed.data } : { ok: false, why: describeIssues(parsed.error) }
  } catch (error) {
    // A recursive schema (a note's document) overflows the stack on nesting no editor makes; that is
    // still a refused request, answered as a Result like any other rather than as a broken promise.
    return { ok: false, why: error instanceof RangeError ? 'it is nested too deeply' : `it could not be checked (${String(error)})` }
  }
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

/** "title: Expected string, received number; date: Use a date written as YYYY-MM-DD" */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => clip(issue.path.length ? `${clip(issue.path.join('.'), 120)}: ${issue.message}` : issue.message, 300))
    .join('; ')
}

/** A message quotes what was sent (an unknown key, a refused value); a huge one is cut, so the sentence stays readable. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
