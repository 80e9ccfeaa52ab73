// Keeps a note within the nesting the core accepts (MAX_NOTE_DEPTH): a change that would nest deeper —
// typing "> " over and over, pasting quotations inside quotations — is not made, so the editor never
// holds a note the library would refuse to save.
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { MAX_NOTE_DEPTH } from '../../../../shared/note-doc'

/**
 * How deep the document nests, counted as the core counts its JSON (the document is 1, its text the
 * deepest), with room kept for text in an empty paragraph or heading: otherwise a paragraph nested to the
 * limit could never be typed in.
 */
export function documentDepth(doc: ProseMirrorNode, limit = MAX_NOTE_DEPTH): number {
  let deepest = 0
  const stack: [ProseMirrorNode, number][] = [[doc, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    deepest = Math.max(deepest, node.isTextblock ? depth + 1 : depth)
    if (depth > limit) return depth
    node.forEach((child) => stack.push([child, depth + 1]))
  }
  return deepest
}

export const depthLimitKey = new PluginKey('depthLimit')

export function depthLimitPlugin(limit = MAX_NOTE_DEPTH): Plugin {
  return new Plugin({
    key: depthLimitKey,
    filterTransaction: (tr) => !tr.docChanged || documentDepth(tr.doc, limit) <= limit
  })
}

export const DepthLimit = Extension.create({
  name: 'depthLimit',
  addProseMirrorPlugins() {
    return [depthLimitPlugin()]
  }
})
