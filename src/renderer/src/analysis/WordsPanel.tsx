// Word frequencies of the library, one article, one theme's passages or one speaker's: a bar chart or its
// table, with the list of stop words left out (the library keeps it; an English list until it is edited).
// A word opens a search of the archive for it.
import { useEffect, useId, useMemo, useState } from 'react'
import type { ArticleSummary, ThemeSummary, WordScope } from '../../../shared/ipc/contract'
import { DEFAULT_STOP_WORDS, parseStopWords } from '../../../shared/analysis/stop-words'
import { tableCsv, wordsTable } from '../../../shared/analysis/tables'
import type { Preferences } from '../../../shared/model'
import { call } from '../api'
import { formatCount, plural } from '../app/format'
import { displayTitle } from '../library/order'
import { themePaths } from '../themes/tree'
import { DataTable } from './DataTable'
import { DisplayChoice, SaveButtons, TextProgress, useTextProgress, useAnswer, type Display } from './common'
import { svgToPngBase64, wordBarsSvg } from './figures'
import { pagePalette } from './heat'
import { WordBars } from './WordBars'

export interface WordsPanelProps {
  articles: readonly ArticleSummary[]
  themes: readonly ThemeSummary[]
  stopWords: Preferences['stopWords']
  onStopWords: (stopWords: string[] | null) => void
  onSearch: (word: string) => void
}

type ScopeKind = WordScope['kind']
const LIMITS = [25, 50, 100, 200]

export function WordsPanel({ articles, themes, stopWords, onStopWords, onSearch }: WordsPanelProps) {
  const [kind, setKind] = useState<ScopeKind>('library')
  const [articleId, setArticleId] = useState(articles[0]?.id ?? '')
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '')
  const [speaker, setSpeaker] = useState('')
  const [rollUp, setRollUp] = useState(true)
  const [limit, setLimit] = useState(50)
  const [display, setDisplay] = useState<Display>('chart')
  const [speakers, setSpeakers] = useState<string[]>([])
  const progress = useTextProgress()
  const paths = useMemo(() => themePaths([...themes]), [themes])
  useEffect(() => {
    if (kind !== 'speaker' || speakers.length > 0) return
    call('analysis:speaker-names', {}).then((names) => {
      setSpeakers(names)
      setSpeaker((s) => s || (names[0] ?? ''))
    }, () => undefined)
  }, [kind, speakers.length])
  const scope: WordScope | null =
    kind === 'library'
      ? { kind }
      : kind === 'article'
        ? articleId ? { kind, articleId } : null
        : kind === 'theme'
          ? themeId ? { kind, themeId } : null
          : speaker ? { kind, name: speaker } : null
  // Editing the stop words counts again.
  const answer = useAnswer('analysis:words', { scope: scope ?? { kind: 'library' }, rollUp, limit }, JSON.stringify(stopWords ?? null))
  const words = answer.value
  const color = kind === 'theme' ? (themes.find((t) => t.id === themeId)?.color ?? 'var(--accent)') : 'var(--accent)'
  const title = words ? `The ${plural(words.words.length, 'most frequent word')} of ${words.label}` : 'Word frequencies'
  const table = useMemo(() => (words ? wordsTable(words) : null), [words])

  return (
    <section className="analysis-panel" aria-labelledby="analysis-words-title">
      <h2 id="analysis-words-title">Word frequencies</h2>
      <p className="analysis-intro">The most frequent words, read as search reads them (case and accents aside), without the stop words. Click a word to search the archive for it.</p>
      <div className="analysis-toolbar">
        <label>
          Count the words of{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as ScopeKind)}>
            <option value="library">The whole library</option>
            <option value="article">One article</option>
            <option value="theme">One theme’s passages</option>
            <option value="speaker">One speaker’s passages</option>
          </select>
        </label>
        {kind === 'article' ? (
          <label>
            Article{' '}
            <select value={articleId} onChange={(e) => setArticleId(e.target.value)}>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {displayTitle(a)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'theme' ? (
          <>
            <label>
              Theme{' '}
              <select value={themeId} onChange={(e) => setThemeId(e.target.value)}>
                {[...themes].sort((a, b) => (paths.get(a.id) ?? '').localeCompare(paths.get(b.id) ?? '', 'en')).map((t) => (
                  <option key={t.id} value={t.id}>
                    {paths.get(t.id) ?? t.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="analysis-check">
              <input type="checkbox" checked={rollUp} onChange={(e) => setRollUp(e.target.checked)} /> With its sub-themes
            </label>
          </>
        ) : null}
        {kind === 'speaker' ? (
          <label>
            Speaker{' '}
            <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
              {speakers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Words shown{' '}
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <DisplayChoice display={display} onDisplay={setDisplay} />
      </div>
      <StopWords stopWords={stopWords} onStopWords={onStopWords} />
      <TextProgress progress={progress} />
      {scope === null ? (
        <p className="empty">{kind === 'speaker' ? 'No passage has a speaker yet.' : 'Choose what to count.'}</p>
      ) : answer.error !== null ? (
        <p role="alert" className="theme-error">
          The words could not be counted: {answer.error}
        </p>
      ) : !words || !table ? (
        <p role="status" className="loading">
          Counting…
        </p>
      ) : (
        <>
          <p className="count" role="status">
            {formatCount(words.total)} words counted, {formatCount(words.distinct)} different, in {words.label}.
          </p>
          {words.words.length === 0 ? (
            <p className="empty">There are no words to count here.</p>
          ) : display === 'chart' ? (
            <figure className="word-chart">
              <WordBars words={words.words} color={color} title={title} onWord={onSearch} />
            </figure>
          ) : (
            <DataTable table={table} caption={title} />
          )}
          <SaveButtons
            name="word-frequencies"
            make={(format) => {
              if (format === 'csv') return tableCsv(table)
              const palette = pagePalette()
              const svg = wordBarsSvg(words.words, color.startsWith('var(') ? palette.accent : color, title, palette)
              return format === 'svg' ? svg : svgToPngBase64(svg)
            }}
          />
        </>
      )}
    </section>
  )
}

function StopWords({ stopWords, onStopWords }: { stopWords: Preferences['stopWords']; onStopWords: (stopWords: string[] | null) => void }) {
  const list = stopWords ?? DEFAULT_STOP_WORDS
  const [draft, setDraft] = useState(list.join(' '))
  const id = useId()
  useEffect(() => setDraft((stopWords ?? DEFAULT_STOP_WORDS).join(' ')), [stopWords])
  return (
    <details className="stop-words">
      <summary>
        Stop words: {plural(list.length, 'word')} left out{stopWords ? '' : ' (the English default)'}
      </summary>
      <label htmlFor={id}>Words left out of every count, separated by spaces, commas or lines</label>
      <textarea id={id} value={draft} rows={5} onChange={(e) => setDraft(e.target.value)} />
      <p>
        <button type="button" onClick={() => onStopWords(parseStopWords(draft))}>
          Save stop words
        </button>{' '}
        <button type="button" onClick={() => onStopWords(null)} disabled={!stopWords}>
          Restore the default list
        </button>
      </p>
    </details>
  )
}
