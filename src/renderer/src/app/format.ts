// How dates and counts read in the interface. Dates are stored as YYYY-MM-DD and shown as "Sep 27, 2024".

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

export function formatDate(iso: string): string {
  if (!iso) return ''
  const date = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}

export const formatCount = (n: number): string => n.toLocaleString('en-US')
