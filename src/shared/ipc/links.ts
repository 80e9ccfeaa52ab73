// Link requests: a web or e-mail link in a note, opened outside the app.
import { z } from 'zod'
import { SAFE_LINK } from '../note-doc'
import { channel, type DomainContract } from './define'

export const linksContract = {
  /** Opens a web or e-mail link in the system browser; the page asks the user first. */
  'links:open': channel<null>()(
    z.object({ url: z.string().max(4000).regex(SAFE_LINK, 'Only web (http, https) and e-mail links can be opened') }).strict()
  )
} satisfies DomainContract
