// The Analysis view: the codebook read across the archive. Four analyses, each a chart with a table
// alternative — themes by article, themes together, speakers by theme, word frequencies — chosen from
// its own navigation and kept in the address (#/analysis/<name>).
import type { ArticleSummary, ThemeSummary } from '../../../shared/ipc/contract'
import type { Preferences } from '../../../shared/model'
import { hrefFor, type AnalysisName } from '../app/route'
import { CooccurrencePanel, MatrixPanel, SpeakersPanel } from './ThemePanels'
import { WordsPanel } from './WordsPanel'
import './analysis.css'

const ANALYSES: { name: AnalysisName; label: string }[] = [
  { name: 'matrix', label: 'Themes by article' },
  { name: 'cooccurrence', label: 'Themes together' },
  { name: 'speakers', label: 'Speakers by theme' },
  { name: 'words', label: 'Word frequencies' }
]

export interface AnalysisViewProps {
  analysis: AnalysisName
  articles: readonly ArticleSummary[]
  themes: readonly ThemeSummary[]
  outlets: readonly string[]
  preferences: Preferences
  onPreferences: (patch: Partial<Preferences>) => void
  onSearch: (query: string) => void
}

export function AnalysisView({ analysis, articles, themes, outlets, preferences, onPreferences, onSearch }: AnalysisViewProps) {
  return (
    <main className="analysis" aria-labelledby="analysis-title">
      <h1 id="analysis-title">Analysis</h1>
      <nav className="analysis-nav" aria-label="Analyses">
        {ANALYSES.map(({ name, label }) => (
          <a key={name} href={hrefFor({ name: 'analysis', analysis: name })} aria-current={analysis === name ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {analysis === 'matrix' ? (
        <MatrixPanel outlets={outlets} />
      ) : analysis === 'cooccurrence' ? (
        <CooccurrencePanel outlets={outlets} />
      ) : analysis === 'speakers' ? (
        <SpeakersPanel outlets={outlets} />
      ) : (
        <WordsPanel articles={articles} themes={themes} stopWords={preferences.stopWords} onStopWords={(stopWords) => onPreferences({ stopWords })} onSearch={onSearch} />
      )}
    </main>
  )
}
