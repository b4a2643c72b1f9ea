// A run of the bulk update drawn by hand in SVG: one row per user, each request a mark from sent to answered (429s in
// red), the waits before a request shaded, and the theoretical minimum time as a dashed line. The SVG stretches to the
// width; the text around it is HTML, so it stays readable on a narrow screen.
import type { RunReport } from '../shared/api.js'

/** Plot width in SVG units; the height is in pixels (the SVG is not scaled vertically). */
const W = 1000
const STEPS_S = [0.5, 1, 2, 5, 10, 15, 30, 60, 120]

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function ticks(scaleMs: number): number[] {
  const step = (STEPS_S.find((s) => scaleMs / 1000 / s <= 6) ?? 300) * 1000
  return Array.from({ length: Math.floor(scaleMs / step) + 1 }, (_, i) => i * step)
}

function markClass(status: number): string {
  if (status === 429) return 'mark limited'
  if (status >= 200 && status < 300) return 'mark ok'
  return 'mark failed'
}

export function Timeline({
  run,
  scaleMs,
  minimumMs,
}: {
  run: RunReport
  /** The time the plot spans: the same for both runs, so they can be compared. */
  scaleMs: number
  minimumMs: number | null
}) {
  const rows = run.updates.length
  const rowH = Math.max(3, Math.min(10, Math.floor(240 / Math.max(1, rows))))
  const height = rows * rowH + 2
  const x = (ms: number) => (Math.min(ms, scaleMs) / scaleMs) * W
  const pct = (ms: number) => `${(x(ms) / W) * 100}%`
  const now = run.elapsedMs
  return (
    <div className="timeline" data-testid={`timeline-${run.strategy}`}>
      <div className="plot">
        <svg
          viewBox={`0 0 ${W} ${height}`}
          preserveAspectRatio="none"
          width="100%"
          height={height}
          role="img"
          aria-label={`${run.strategy} run: ${run.requestsSent} requests, ${run.rateLimited} answered 429, over ${seconds(run.elapsedMs)}`}
        >
          {ticks(scaleMs).map((t) => (
            <line key={t} className="grid" x1={x(t)} x2={x(t)} y1={0} y2={height} />
          ))}
          {run.updates.map((u, row) => (
            <g key={row} transform={`translate(0 ${row * rowH + 1})`}>
              {u.waits.map((w, i) => (
                <rect
                  key={`w${i}`}
                  className="wait"
                  data-mark="wait"
                  x={x(w.start)}
                  width={Math.max(0.5, x(w.end) - x(w.start))}
                  height={rowH - 1}
                />
              ))}
              {u.attempts.map((a, i) => (
                <rect
                  key={`a${i}`}
                  className={markClass(a.status)}
                  data-mark={a.end === null ? 'pending' : String(a.status)}
                  x={x(a.start)}
                  width={Math.max(3, x(a.end ?? now) - x(a.start))}
                  height={rowH - 1}
                >
                  <title>{`user ${row + 1}: ${a.status || 'no answer'}, sent at ${seconds(a.start)}`}</title>
                </rect>
              ))}
            </g>
          ))}
          {minimumMs !== null && (
            <line
              className="minimum"
              data-testid={`minimum-${run.strategy}`}
              x1={x(minimumMs)}
              x2={x(minimumMs)}
              y1={0}
              y2={height}
            />
          )}
        </svg>
      </div>
      <div className="axis" aria-hidden="true">
        {ticks(scaleMs).map((t) => (
          <span key={t} style={{ left: pct(t) }}>
            {t / 1000} s
          </span>
        ))}
      </div>
    </div>
  )
}

/** What each mark means, once for both timelines. */
export function TimelineLegend({ minimumMs }: { minimumMs: number | null }) {
  return (
    <div className="legend">
      <span>
        <i className="swatch ok" /> request, sent → answered
      </span>
      <span>
        <i className="swatch limited" /> answered 429
      </span>
      <span>
        <i className="swatch wait" /> waiting before a request
      </span>
      {minimumMs !== null && (
        <span>
          <i className="swatch minimum" /> theoretical minimum, {seconds(minimumMs)}
        </span>
      )}
      <span className="muted">one row per user</span>
    </div>
  )
}
