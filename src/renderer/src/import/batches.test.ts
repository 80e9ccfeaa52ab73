import { describe, expect, it } from 'vitest'
import { batchesOf } from './batches'

const sizes = (batches: { size: number }[][]): number[][] => batches.map((batch) => batch.map((file) => file.size))
const files = (...list: number[]): { size: number }[] => list.map((size) => ({ size }))

describe('batchesOf', () => {
  it.each([
    ['nothing', files(), 3, 100, []],
    ['all in one', files(10, 20, 30), 3, 100, [[10, 20, 30]]],
    ['split by count', files(1, 1, 1, 1), 3, 100, [[1, 1, 1], [1]]],
    ['split by bytes', files(60, 30, 20), 3, 100, [[60, 30], [20]]],
    ['a file bigger than the limit goes alone', files(10, 250, 10), 3, 100, [[10], [250], [10]]]
  ])('%s', (_, list, mostFiles, mostBytes, expected) => {
    expect(sizes(batchesOf(list, mostFiles, mostBytes))).toEqual(expected)
  })
})
