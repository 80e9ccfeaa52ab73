// Dates as the interface and the exports print them, and which strings the model accepts as days.
import { describe, expect, it } from 'vitest'
import { formatDate, isCalendarDate } from './dates'

describe('formatDate', () => {
  it.each([
    ['2024-09-27', 'Sep 27, 2024'],
    ['2024-09-09', 'Sep 9, 2024'],
    ['2026-03-03', 'Mar 3, 2026'],
    ['2024-02-29', 'Feb 29, 2024'],
    ['2025-02-29', ''],
    ['2024-13-01', ''],
    ['2024-02-31', ''],
    ['0024-01-01', ''],
    ['', ''],
    ['Sep 27, 2024', '']
  ])('writes %j as %j', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown)
  })

  it('knows which days are on the calendar', () => {
    expect(['2024-02-29', '2024-12-31', '1999-01-01'].every(isCalendarDate)).toBe(true)
    expect(['2025-02-29', '2024-02-31', '2024-99-99', '0024-01-01', '', '2024-9-27', 'Sep 27, 2024'].some(isCalendarDate)).toBe(false)
  })

  it('agrees with Intl en-US in UTC', () => {
    const intl = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
    for (const iso of ['2024-01-05', '2024-05-31', '2024-09-27', '2024-12-31']) expect(formatDate(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)))
  })
})
