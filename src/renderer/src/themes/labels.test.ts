import { describe, expect, it } from 'vitest'
import { countsLabel, deleteChildrenNote, deleteConsequence, mergeChildrenNote, mergeConsequence } from './labels'

describe('count sentences', () => {
  it.each([
    [0, 0, '0 highlights in 0 articles'],
    [1, 1, '1 highlight in 1 article'],
    [2, 1, '2 highlights in 1 article'],
    [1200, 5, '1,200 highlights in 5 articles']
  ])('%i highlights in %i articles', (h, a, expected) => {
    expect(countsLabel(h, a)).toBe(expected)
  })

  it.each([
    [0, 0, 'No highlight has this theme, so no passage changes.'],
    [1, 1, '1 highlight in 1 article loses this theme; the highlight itself stays.'],
    [4, 2, '4 highlights in 2 articles lose this theme; the highlights themselves stay.']
  ])('deleting a theme on %i highlights', (h, a, expected) => {
    expect(deleteConsequence(h, a)).toBe(expected)
  })

  it.each([
    [0, 'It has no highlights; “a” then leaves the codebook.'],
    [1, 'Its 1 highlight gets “b”; “a” then leaves the codebook.'],
    [3, 'Its 3 highlights get “b”; “a” then leaves the codebook.']
  ])('merging a theme on %i highlights', (h, expected) => {
    expect(mergeConsequence('a', 'b', h)).toBe(expected)
  })

  it.each([
    [0, null, ''],
    [1, null, 'Its sub-theme moves to the top of the codebook.'],
    [2, 'heritage', 'Its 2 sub-themes move under “heritage”.']
  ])('deleting a theme with %i sub-themes under %s', (n, parent, expected) => {
    expect(deleteChildrenNote(n, parent)).toBe(expected)
  })

  it.each([
    [0, ''],
    [1, 'Its sub-theme moves under “b”.'],
    [3, 'Its 3 sub-themes move under “b”.']
  ])('merging a theme with %i sub-themes', (n, expected) => {
    expect(mergeChildrenNote(n, 'b')).toBe(expected)
  })
})
