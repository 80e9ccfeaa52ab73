// Everything of an import the App mounts once: the drop overlay over the whole window, the paste target
// and the progress-then-summary dialog, each shown for the importer's state.
import { DropOverlay } from './DropOverlay'
import { ImportDialog, type LimitsProps } from './ImportDialog'
import { PasteDialog } from './PasteDialog'
import { useFileDrop } from './use-file-drop'
import type { Importer } from './use-import'

export function ImportDialogs({ importer, limits, onLimits }: { importer: Importer } & LimitsProps) {
  const dragging = useFileDrop(importer.importFiles)
  const { state } = importer
  return (
    <>
      {dragging && !importer.busy ? <DropOverlay /> : null}
      {state.kind === 'pasting' ? <PasteDialog problem={state.problem} onPaste={importer.paste} onClose={importer.close} /> : null}
      {state.kind === 'working' || state.kind === 'done' || state.kind === 'failed' ? (
        <ImportDialog state={state} onCancel={importer.cancel} onClose={importer.close} limits={limits} onLimits={onLimits} />
      ) : null}
    </>
  )
}
