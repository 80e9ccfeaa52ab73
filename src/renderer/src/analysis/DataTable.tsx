// The table alternative to every chart: the very table the CSV is written from, as an HTML table for
// screen readers and copying. A long one is shown a few hundred rows at a time.
import { useId, useState } from 'react'
import type { AnalysisTable } from '../../../shared/analysis/tables'
import { formatCount } from '../app/format'

const PAGE = 300

export function DataTable({ table, caption }: { table: AnalysisTable; caption: string }) {
  const [shown, setShown] = useState(PAGE)
  const captionId = useId()
  const rows = table.rows.slice(0, shown)
  return (
    <div className="analysis-table-wrap">
      <table className="analysis-table" aria-labelledby={captionId}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={typeof cell === 'number' ? 'numeric' : undefined}>
                    {typeof cell === 'number' ? formatCount(cell) : cell}
                  </td>
                )
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > shown ? (
        <p>
          <button type="button" onClick={() => setShown(shown + PAGE)}>
            Show {formatCount(Math.min(PAGE, table.rows.length - shown))} more rows
          </button>{' '}
          <span className="count">{formatCount(table.rows.length - shown)} not shown yet</span>
        </p>
      ) : null}
    </div>
  )
}
