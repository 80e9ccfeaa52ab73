// Annotation import requests. Filled in by the annotations importer (src/core/import/annotations.ts).
import type { AnnotationImportSummary, ParsedRequestOf } from '../../shared/ipc/contract'
import { LibraryError } from '../library/errors'
import type { LibraryStore } from '../library/store'
import type { ExportEffects } from './exports'

export function annotationServices(_store: LibraryStore, _effects: ExportEffects) {
  const unavailable = (): never => {
    throw new LibraryError('conflict', 'Importing annotations is not available yet.')
  }
  return {
    'annotations:import': async (_request: ParsedRequestOf<'annotations:import'>): Promise<AnnotationImportSummary> => unavailable(),
    'annotations:choose': async (_request: ParsedRequestOf<'annotations:choose'>): Promise<AnnotationImportSummary | null> => unavailable()
  }
}
