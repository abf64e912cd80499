import { RebuildProgress } from '@register/read-models';

/**
 * One progress line on stderr: on a terminal it is redrawn in place; in a log (CI) it is printed
 * at most once a second, so long rebuilds stay readable either way.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { report: (p: RebuildProgress) => void; done: () => void } {
  let lastPrinted = 0;
  let lastLine = '';
  let lastProjection = '';
  const tty = stream.isTTY === true;
  return {
    report(p) {
      const now = Date.now();
      // A new projection: the previous one's final line is always shown.
      if (lastProjection && p.projection !== lastProjection && !tty) stream.write(`${lastLine}\n`);
      if (p.projection !== lastProjection && tty && lastProjection) stream.write('\n');
      lastProjection = p.projection;
      const total = p.head < 0n ? 0 : Number(p.head);
      const at = Number(p.position);
      const pct = total > 0 ? Math.min(100, (at / total) * 100) : 100;
      const rate = p.elapsedMs > 0 ? Math.round((p.events / p.elapsedMs) * 1000) : 0;
      const eta = rate > 0 && total > at ? Math.ceil((total - at) / rate) : 0;
      lastLine = `${p.projection}: ${pct.toFixed(1)}% (positie ${at.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}), ${rate.toLocaleString('nl-NL')} events/s, nog ~${eta} s`;
      if (tty) stream.write(`\r${lastLine}\x1b[K`);
      else if (now - lastPrinted >= 1000) {
        stream.write(`${lastLine}\n`);
        lastPrinted = now;
      }
    },
    done() {
      if (tty) stream.write('\n');
      else if (lastLine) stream.write(`${lastLine}\n`);
    },
  };
}
