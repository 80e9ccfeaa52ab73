import { describe, expect, it } from 'vitest'
import { fieldProblem } from './MetadataForm'

describe('fieldProblem', () => {
  it.each([
    ['url', '', null],
    ['url', 'https://collider.com/k-pops', null],
    ['url', 'http://example.org', null],
    ['url', 'collider dot com', 'Not saved: a web address starts with http:// or https://, like https://collider.com/k-pops-review.'],
    ['url', 'ftp://example.org/file', 'Not saved: a web address starts with http:// or https://, like https://collider.com/k-pops-review.'],
    ['date', '2024-09-27', null],
    ['date', '2024-02-30', 'Not saved: a date is a real day, like 2024-09-27.'],
    ['date', 'next Friday', 'Not saved: a date is a real day, like 2024-09-27.']
  ] as const)('%s %j → %j', (key, value, problem) => {
    expect(fieldProblem(key, value)).toBe(problem)
  })
})
