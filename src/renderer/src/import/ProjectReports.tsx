// What a REFI-QDA project or codebook brought besides its articles (whose rows are in the file list
// above): themes created, merged or kept apart, highlights and notes, each coded passage that could not
// be placed, and everything the file holds that Liner Notes cannot, so nothing is lost without a word.
// Below them, the choice for later imports: keep same-named codes apart, or merge them into your themes.
import { useState } from 'react'
import type { ProjectImportReport } from '../../../shared/ipc/imports'
import { formatCount, plural } from '../app/format'
import { setThemeClashChoice, themeClashChoice } from './theme-clash'
import './projects.css'

export function ProjectReports({ projects }: { projects: readonly ProjectImportReport[] }) {
  const [merge, setMerge] = useState(themeClashChoice() === 'merge')
  return (
    <section className="import-projects" aria-label="REFI-QDA">
      {projects.map((project, index) => (
        <ProjectReport key={`${index}-${project.file}`} project={project} />
      ))}
      <label className="import-theme-clash">
        <input
          type="checkbox"
          checked={merge}
          onChange={(e) => {
            setMerge(e.target.checked)
            setThemeClashChoice(e.target.checked ? 'merge' : 'apart')
          }}
        />
        In later imports of REFI-QDA projects and codebooks, merge a code into my theme of the same name (otherwise it is kept apart)
      </label>
    </section>
  )
}

function ProjectReport({ project }: { project: ProjectImportReport }) {
  const what = project.kind === 'project' ? 'REFI-QDA project' : 'REFI-QDA codebook'
  const facts = [
    `${plural(project.themesCreated, 'theme')} created`,
    ...(project.themesMerged.length > 0 ? [`${formatCount(project.themesMerged.length)} merged into yours`] : []),
    ...(project.kind === 'project' ? [plural(project.highlights, 'highlight'), plural(project.notes, 'note')] : [])
  ]
  return (
    <article className="import-project" aria-label={`${what} ${project.file}`}>
      <h3>
        {what} “{project.name}” <span className="muted">({project.file})</span>
      </h3>
      <p>{facts.join(' · ')}</p>
      {project.themesRenamed.length > 0 ? (
        <p>
          Kept apart from your themes of the same name:{' '}
          {project.themesRenamed.map((r) => `“${r.from}” as “${r.to}”`).join(', ')}. Merge them in Themes if they are the same.
        </p>
      ) : null}
      {project.unplaced.length > 0 ? <Sentences label="Passages not placed" items={project.unplaced} /> : null}
      {project.notCarried.length > 0 ? <Sentences label="Not carried" items={project.notCarried} /> : null}
    </article>
  )
}

function Sentences({ label, items }: { label: string; items: readonly string[] }) {
  return (
    <>
      <h4>{label}</h4>
      <ul aria-label={label}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  )
}
