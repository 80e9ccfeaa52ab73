// Where things live inside a library folder (schema 5: a file per record, so one edit writes one file).
//
//   library.json            the manifest: format, schema version, preferences
//   codebook.json           every theme, in codebook order, and tombstones of deleted ones
//   articles/<id>.json      one article: metadata, correction, memo, the facts the list shows
//   highlights/<id>.json    the highlights of article <id>, and tombstones of deleted ones
//   notes/<id>.json         one free-standing note (or its tombstone)
//   journal/                intents of changes that span several files, replayed or dropped on open
//   texts/                  each article's text, byte for byte as added, never rewritten
//   originals/              an imported article's file (PDF, Word, web page…), byte for byte
//   quarantine/             record files that could not be loaded, moved aside byte for byte (never backed up)
//   library.lock            which process writes the library now
export const LIBRARY_FILE = 'library.json'
export const CODEBOOK_FILE = 'codebook.json'
export const TEXTS_FOLDER = 'texts'
export const ORIGINALS_FOLDER = 'originals'
export const ARTICLES_FOLDER = 'articles'
export const HIGHLIGHTS_FOLDER = 'highlights'
export const NOTES_FOLDER = 'notes'
export const JOURNAL_FOLDER = 'journal'
/** The search index: derived from the records and texts, rebuilt when missing, never backed up. */
export const INDEX_FOLDER = 'index'
export const LOCK_FILE = 'library.lock'
/** Record files set aside at open because they could not be loaded: kept for repair by hand, never read or backed up. */
export const QUARANTINE_FOLDER = 'quarantine'

/** Record ids become file names: only ids made of these characters are stored (the app's own always are). */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/

export const articleFile = (id: string): string => `${ARTICLES_FOLDER}/${id}.json`
export const highlightsFile = (articleId: string): string => `${HIGHLIGHTS_FOLDER}/${articleId}.json`
export const noteFile = (id: string): string => `${NOTES_FOLDER}/${id}.json`
