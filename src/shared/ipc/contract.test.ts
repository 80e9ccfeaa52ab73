// The contract and the zod-free name lists the preload bundles must name the same channels and events.
import { describe, expect, it } from 'vitest'
import { appContract } from './app'
import { articlesContract } from './articles'
import { API_EVENTS, CHANNELS, EVENTS, EVENT_OF_API } from './channels'
import { contract, events } from './contract'
import { exportsContract } from './exports'
import { highlightsContract } from './highlights'
import { linksContract } from './links'
import { annotationsContract, importsContract } from './imports'
import { notesContract } from './notes'
import { preferencesContract } from './preferences'
import { themesContract } from './themes'
import { searchContract } from './search'
import { analysisContract } from './analysis'

const sorted = (names: Iterable<string>): string[] => [...names].sort()

describe('the IPC contract', () => {
  it('has a schema for exactly the channels CHANNELS lists', () => {
    expect(sorted(Object.keys(contract))).toEqual(sorted(CHANNELS))
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
  })

  it('declares each channel in one domain only (a spread would silently keep the last)', () => {
    const domains = [
      articlesContract,
      highlightsContract,
      themesContract,
      notesContract,
      linksContract,
      appContract,
      exportsContract,
      preferencesContract,
      importsContract,
      annotationsContract,
      searchContract,
      analysisContract
    ]
    expect(domains.flatMap((domain) => Object.keys(domain))).toHaveLength(CHANNELS.length)
  })

  it('has a schema for exactly the events EVENTS lists, each with one subscription method', () => {
    expect(sorted(Object.keys(events))).toEqual(sorted(EVENTS))
    expect(sorted(Object.keys(EVENT_OF_API))).toEqual(sorted(API_EVENTS))
    expect(sorted(Object.values(EVENT_OF_API))).toEqual(sorted(EVENTS))
  })
})
