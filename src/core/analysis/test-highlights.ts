// For the analyses' tests: the bundled library with a handful of highlights whose counts are known —
// on both interview layouts (000, a transcript with labels inline; 002, a written Q&A with labels on
// their own line), two that overlap, one across two speakers, one with its speaker set by hand, one on
// a news piece, and a sub-theme ("sons", under fatherhood) for rolling up.
import type { AnchoredHighlight } from '../../shared/ipc/contract'
import type { Theme } from '../../shared/model'
import { COLLIDER, nth, type TestClient } from '../services/test-client'

export const QA = '002_28dc0072aca979dd'
export const NEWS = '001_0a74aad613f8da6e'

export interface KnownLibrary {
  themes: Record<'heritage' | 'fatherhood' | 'identity' | 'cultural exchange' | 'sons', Theme>
  highlights: Record<'started' | 'sketches' | 'straightforward' | 'acrossSpeakers' | 'homeVideos' | 'byHand' | 'news', AnchoredHighlight>
}

export async function addKnownHighlights(client: TestClient): Promise<KnownLibrary> {
  const list = await client.call('themes:list', {})
  const named = (name: string): Theme => list.find((t) => t.name === name) ?? fail(name)
  const fatherhood = named('fatherhood')
  const sons = await client.call('themes:create', { name: 'sons', parentId: fatherhood.id })
  const themes = { heritage: named('heritage'), fatherhood, identity: named('identity'), 'cultural exchange': named('cultural exchange'), sons }
  const texts = new Map<string, string>()
  const mark = async (articleId: string, from: string, to: string | null, themeIds: string[]): Promise<AnchoredHighlight> => {
    const text = texts.get(articleId) ?? (await client.call('articles:get', { id: articleId })).text!
    texts.set(articleId, text)
    const start = nth(text, from, 1).start
    const end = to === null ? start + from.length : nth(text, to, 1).end
    return client.call('highlights:create', { articleId, start, end, themeIds })
  }
  const highlights = {
    // PAAK: … (000): Anderson .Paak; the two overlap on "doing YouTube sketches with my son".
    started: await mark(COLLIDER, 'It all started in quarantine, doing YouTube sketches with my son', null, [fatherhood.id]),
    sketches: await mark(COLLIDER, 'doing YouTube sketches with my son and getting into what he was into', null, [sons.id]),
    // SOUL RASHEED: … (000)
    straightforward: await mark(COLLIDER, 'He’s very straightforward when he has his director hat on', null, [fatherhood.id, themes.identity.id]),
    // From the end of .Paak's first answer into his second: his words, the interviewer's question between.
    acrossSpeakers: await mark(COLLIDER, 'And that’s pretty much it.', 'It all started in quarantine', [themes.identity.id]),
    // Anderson .Paak: on its own line (002)
    homeVideos: await mark(QA, 'I used to make home videos all the time with my family', null, [themes.heritage.id]),
    // The interviewer's question, given a speaker by hand below.
    byHand: await mark(QA, 'Could you tell us a little bit about what', null, [themes.heritage.id, fatherhood.id]),
    news: await mark(NEWS, 'Anderson Paak proves once again that he can do it all', null, [themes.heritage.id, themes['cultural exchange'].id])
  }
  await client.services.store.transact((tx) => tx.putHighlight({ ...tx.requireHighlight(highlights.byHand.id), speaker: { name: 'Keshia Hannam' } }))
  return { themes, highlights }
}

function fail(name: string): never {
  throw new Error(`No theme called ${name}`)
}
