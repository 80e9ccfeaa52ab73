// The app's own requests (closing the window, the link it was started with) and the events main sends
// the page: menu commands, passage links and progress. Events carry schemas like requests do; the
// sandboxed preload checks them with hand-written guards that a unit test holds to these schemas.
import { z } from 'zod'
import { APP_COMMANDS, APP_COMMAND_EVENT, CHANGE_KINDS, LIBRARY_CHANGED_EVENT, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, type EventName } from './channels'
import { channel, Empty, type DomainContract } from './define'

/** A liner-notes:// link names a passage: an article, and a highlight in it or null for the whole article. */
export const PassageTarget = z.object({ articleId: z.string().min(1), highlightId: z.string().min(1).nullable() }).strict()
export type PassageTarget = z.infer<typeof PassageTarget>

/** How far a long task (an export) has got: `done` of `total` steps, both counts. */
export const Progress = z.object({ task: z.string(), done: z.number().int().min(0), total: z.number().int().min(0) }).strict()
export type Progress = z.infer<typeof Progress>

export const AppCommandSchema = z.enum(APP_COMMANDS)

/** Which kinds of record changed (at least one, each once). */
export const LibraryChanged = z.object({ kinds: z.array(z.enum(CHANGE_KINDS)).min(1).max(CHANGE_KINDS.length) }).strict()
export type LibraryChanged = z.infer<typeof LibraryChanged>

/** Every event main sends the page, with the schema its payload has. */
export const events = {
  [APP_COMMAND_EVENT]: AppCommandSchema,
  [OPEN_PASSAGE_EVENT]: PassageTarget,
  [PROGRESS_EVENT]: Progress,
  [LIBRARY_CHANGED_EVENT]: LibraryChanged
} satisfies Record<EventName, z.ZodType>

export const appContract = {
  /**
   * The page's answer to 'prepare-to-close': close (everything pending is saved, or the user chose to
   * close anyway) or keep the window open (a save failed and the user is being asked).
   */
  'app:ready-to-close': channel<null>()(z.object({ close: z.boolean() }).strict()),
  /** The liner-notes:// link the app was started with, once: the page asks when it is ready for it. */
  'app:take-pending-link': channel<PassageTarget | null>()(Empty),
  /**
   * What the library could not load when it opened, a sentence for each file set aside (into quarantine/),
   * once every record has been checked; empty when all is well.
   */
  'app:library-problems': channel<string[]>()(Empty),
  /** Stops the long task running now (an export, a backup); answers whether there was one to stop. */
  'tasks:cancel': channel<{ cancelled: boolean }>()(Empty)
} satisfies DomainContract
