// A theme's colour as a small square beside its name. Decorative (hidden from assistive technology):
// the name always says which theme it is, so colour is never the only signal.

export function Swatch({ color }: { color: string }) {
  // The colour is data, not design, so it goes through React's style prop (set via CSSOM, which the
  // page's strict CSP allows) rather than a stylesheet.
  return <span className="theme-swatch" aria-hidden="true" style={{ backgroundColor: color }} />
}
