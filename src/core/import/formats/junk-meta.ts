// A PDF's or Word file's Title and Author fields are often what the software filled in, not what the
// writer said: "Microsoft Word - doc1.docx", "Untitled-1", "Windows User". Such values are dropped, so the
// article's metadata holds only what the file truly states (the user fills in the rest).

/** Titles that name a file, a template or nothing at all. */
const JUNK_TITLES = [
  /^microsoft\s+(word|powerpoint|excel)\s*-/i,
  /\.(docx?|pdf|rtf|odt|pages|indd|qxd|tex|txt|html?|pptx?|xlsx?|jpe?g|png|tiff?)$/i,
  /^(untitled|document|doc|title|slide|presentation|book|new document)[\s_-]*\d*$/i,
  /^[a-z]:\\|^\/|\\/i,
  /^[\d\W_]*$/u
]

/** Authors that name a computer account or an application. */
const JUNK_AUTHORS = /^(admin(istrator)?|user|owner|unknown|author|windows user|microsoft office user|office user|apple|root|guest|default|[a-z]:\\.*)$/i

function clean(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/[\u0000-\u001f\u007f\ufeff]/g, ' ').replace(/\s+/g, ' ').trim() : ''
}

/** The title as the file states it, or undefined if it is absent or junk. */
export function statedTitle(raw: unknown): string | undefined {
  const title = clean(raw)
  return title && !JUNK_TITLES.some((junk) => junk.test(title)) ? title.slice(0, 500) : undefined
}

/** The author as the file states it, or undefined if it is absent or junk. */
export function statedAuthor(raw: unknown): string | undefined {
  const author = clean(raw)
  return author && !JUNK_AUTHORS.test(author) && /\p{L}/u.test(author) ? author.slice(0, 300) : undefined
}
