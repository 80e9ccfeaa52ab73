// Calendar dates, stored as YYYY-MM-DD: which strings name a real day, and how one reads — "Sep 27, 2024",
// the same in the interface and every export, spelled by hand so the runtime's ICU data cannot change it.

// English month abbreviations as en-US writes them with Intl ("Sep 27, 2024").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** The year, month and day of a YYYY-MM-DD that names a day on the calendar, else null. */
function calendarDay(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const [, year, month, day] = m.map(Number) as [number, number, number, number]
  const check = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC reads years 0–99 as 1900–1999, so the year is checked too.
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
  return real ? { year, month, day } : null
}

/** "2024-02-29" is a day; "2024-02-31", "2024-99-99" and "Sep 27, 2024" are not. */
export const isCalendarDate = (iso: string): boolean => calendarDay(iso) !== null

/** "2024-09-27" → "Sep 27, 2024" (a calendar date: no time zone can move it). '' for anything else. */
export function formatDate(iso: string): string {
  const parts = calendarDay(iso)
  return parts === null ? '' : `${MONTHS[parts.month - 1]} ${parts.day}, ${parts.year}`
}
