// The sentence a failed request shows: main's readable message, or the message of anything else thrown.
import { describe, expect, it } from 'vitest'
import { ApiFailure, messageOf } from './api'

describe('messageOf', () => {
  it.each<[unknown, string]>([
    [new ApiFailure({ code: 'conflict', message: 'A theme called “x” already exists.' }), 'A theme called “x” already exists.'],
    [new Error('A theme called “x” already exists.'), 'A theme called “x” already exists.'],
    ['plain', 'plain']
  ])('reads the message of %s', (error, message) => {
    expect(messageOf(error)).toBe(message)
  })
})
