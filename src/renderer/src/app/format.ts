// How dates, times and counts read in the interface. Dates are stored as YYYY-MM-DD and shown as
// "Sep 27, 2024", the same way the exports print them (shared/dates.ts).
export { formatDate } from '../../../shared/dates'

/** A moment (an ISO timestamp) in the user's time zone: "Sep 27, 2024, 3:04 PM". */
export const formatDateTime = (iso: string): string => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })

export const formatCount = (n: number): string => n.toLocaleString('en-US')

/** "1 highlight", "2 highlights", "1,200 passages"; `many` for a plural that is not the word plus "s". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`
