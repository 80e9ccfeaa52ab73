// The verbatim text as paragraphs, every character as stored. Transcript speaker labels are set in
// bold (the characters themselves are unchanged).
import { memo } from 'react'
import { speakerLabelLength, splitParagraphs } from '../../../shared/text'

export const ArticleText = memo(function ArticleText({ text }: { text: string }) {
  return (
    <div className="article-text" aria-label="Article text" role="document">
      {splitParagraphs(text).map((p) => {
        const label = speakerLabelLength(p.text)
        return (
          <p key={p.start} data-start={p.start}>
            {label > 0 ? <b className="speaker">{p.text.slice(0, label)}</b> : null}
            {p.text.slice(label)}
          </p>
        )
      })}
    </div>
  )
})
