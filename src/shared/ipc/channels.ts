// The names of every request the renderer may make and every event main may send. Kept apart from the
// schemas so the sandboxed preload can bridge exactly these names without bundling the validators.

export const CHANNELS = [
  'articles:list',
  'articles:get',
  'articles:update-meta',
  'articles:correct-text',
  'articles:trash',
  'trash:restore',
  'trash:list',
  'trash:empty',
  'articles:texts-checked',
  'articles:reextract',
  'highlights:create',
  'highlights:update',
  'highlights:delete',
  'highlights:restore',
  'highlights:reattach',
  'highlights:bulk-themes',
  'highlights:by-theme',
  'highlights:context',
  'highlights:set-note',
  'highlights:search',
  'highlights:current-quotes',
  'highlights:exist',
  'highlights:in-trash',
  'articles:set-memo',
  'notes:list',
  'notes:get',
  'notes:create',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'links:open',
  'app:ready-to-close',
  'app:take-pending-link',
  'app:library-problems',
  'tasks:cancel',
  'imports:choose',
  'imports:paths',
  'imports:files',
  'imports:paste',
  'annotations:import',
  'annotations:choose',
  'export:run',
  'backup:create',
  'backup:restore',
  'themes:list',
  'themes:create',
  'themes:update',
  'themes:merge',
  'themes:delete',
  'preferences:get',
  'preferences:update',
  'search:query',
  'search:status',
  'search:speakers',
  'analysis:matrix',
  'analysis:cooccurrence',
  'analysis:speakers',
  'analysis:words',
  'analysis:passages',
  'analysis:speaker-names',
  'analysis:save'
] as const
export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}

/**
 * Commands main sends to the page: the application menu's, and 'prepare-to-close', sent when the window
 * is closing so the page saves what is pending and answers with app:ready-to-close.
 */
export const APP_COMMANDS = [
  'prepare-to-close',
  'export',
  'import',
  'paste-article',
  'import-annotations',
  'backup',
  'restore',
  'show-library',
  'next-article',
  'previous-article',
  'text-larger',
  'text-smaller'
] as const
export type AppCommand = (typeof APP_COMMANDS)[number]
export const APP_COMMAND_EVENT = 'app:command'

/** A liner-notes:// link was opened: main sends the passage it names to the page. */
export const OPEN_PASSAGE_EVENT = 'app:open-passage'
/** A long task's progress (an export), sent while the request that started it runs. */
export const PROGRESS_EVENT = 'app:progress'

/**
 * The library changed in a way the page did not ask for: a background check of the texts finished, or
 * another writer's change arrived. Carries the kinds of record that changed, so views reload what they show.
 */
export const LIBRARY_CHANGED_EVENT = 'app:library-changed'
export const CHANGE_KINDS = ['article', 'highlight', 'theme', 'note', 'preferences', 'text-status'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export const EVENTS = [APP_COMMAND_EVENT, OPEN_PASSAGE_EVENT, PROGRESS_EVENT, LIBRARY_CHANGED_EVENT] as const
export type EventName = (typeof EVENTS)[number]

/**
 * The window.linerNotes methods that subscribe to events, beside the one function per channel: the
 * preload, the end-to-end bridge and the smoke test's list of the page's API all read this.
 */
export const API_EVENTS = ['onAppCommand', 'onOpenPassage', 'onProgress', 'onLibraryChanged'] as const
export type ApiEvent = (typeof API_EVENTS)[number]

/** The event each subscription method listens to. */
export const EVENT_OF_API = {
  onAppCommand: APP_COMMAND_EVENT,
  onOpenPassage: OPEN_PASSAGE_EVENT,
  onProgress: PROGRESS_EVENT,
  onLibraryChanged: LIBRARY_CHANGED_EVENT
} as const satisfies Record<ApiEvent, EventName>
