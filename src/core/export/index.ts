// Public face of the exporters: pure functions from a library (data + original texts) to the strings and
// bytes of an export. The IPC handlers that save them to disk live elsewhere.
export { createBackup, readBackup, BackupError, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST, type BackupContents, type BackupErrorCode, type BackupMeta } from './backup'
export { tagSegment } from './codebook'
export { CSV_COLUMNS, highlightsCsv, THEME_PATH_SEPARATOR, THEME_SEPARATOR, type CsvOptions } from './csv'
export type { ExportSource } from './library-index'
export { highlightBlockId, linerNotesUrl, parseLinerNotesUrl, type LinerNotesTarget } from './links'
export { articleMarkdown, libraryMarkdown, libraryMarkdownFiles, noteMarkdown, themeMarkdown, type MarkdownFile, type MarkdownOptions } from './markdown'
export { noteToMdast, type NoteMarkdownOptions } from './note-markdown'
export { AnnotationCollectionSchema, WebAnnotationSchema, webAnnotationCollection, webAnnotationJson, type AnnotationCollection, type WebAnnotation, type WebAnnotationOptions } from './web-annotation'
