import cliProgress from 'cli-progress';

/** A progress bar on a terminal; plain percentage lines when stderr is not a TTY (CI, pipes). */
export function progressBar(label: string, total: number) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return { update: (n: number) => bar.update(n), stop: () => bar.stop() };
  }
  let lastPct = -1;
  return {
    update(n: number) {
      const pct = total ? Math.floor((n / total) * 100) : 100;
      if (pct >= lastPct + 10 || n === total) { lastPct = pct; process.stderr.write(`${label}: ${n}/${total} (${pct}%)\n`); }
    },
    stop() {},
  };
}
