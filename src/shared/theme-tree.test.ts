// Walking the codebook tree: every theme below another, safe on a loop of parents.
import { describe, expect, it } from 'vitest'
import { descendantIds } from './theme-tree'

const theme = (id: string, parentId: string | null = null) => ({ id, parentId })
const codebook = [theme('h'), theme('b', 'h'), theme('k', 'h'), theme('hb', 'k'), theme('f')]

describe('descendantIds', () => {
  it.each([
    ['h', ['b', 'k', 'hb']],
    ['k', ['hb']],
    ['hb', []],
    ['f', []]
  ])('the descendants of %s', (id, expected) => {
    expect([...descendantIds(codebook, id)].sort()).toEqual([...expected].sort())
  })

  it('ends on a loop of parents', () => {
    expect([...descendantIds([theme('a', 'b'), theme('b', 'a')], 'a')]).toEqual(['b'])
  })
})
