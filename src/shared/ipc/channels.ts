// The names of every request the renderer may make and every event main may send. Kept apart from the
// schemas so the sandboxed preload can bridge exactly these names without bundling the validators.

export const CHANNELS = [
  'articles:list',
  'articles:get',
  'articles:update-meta',
  'articles:correct-text',
  'highlights:create',
  'highlights:update',
  'highlights:delete',
  'highlights:restore',
  'highlights:reattach',
  'highlights:bulk-themes',
  'highlights:by-theme',
  'themes:list',
  'themes:create',
  'themes:update',
  'themes:merge',
  'themes:delete',
  'preferences:get',
  'preferences:update'
] as const
export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}

/** Commands main sends to the page (from the application menu). */
export const MENU_COMMANDS = [
  'show-library',
  'next-article',
  'previous-article',
  'text-larger',
  'text-smaller'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
export const MENU_EVENT = 'menu:command'
