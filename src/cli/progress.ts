// How an import shows where it is: a progress bar on a terminal (cli-progress: done/total, rate, ETA,
// failures), and plain periodic lines anywhere else (a log, CI), on stderr so stdout stays the summary.
import { Presets, SingleBar } from 'cli-progress';

export interface ProgressCounts {
  /** Rows answered in this run. */
  done: number;
  failed: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Prints a message on a line of its own; a bar stops there, so nothing redraws over it. */
  say(message: string): void;
  stop(): void;
}

export interface ProgressSettings {
  /** Rows this run will send. */
  total: number;
  stream: NodeJS.WriteStream;
  /** Seconds between plain lines when the stream is not a terminal. */
  intervalSeconds: number;
  now?: () => number;
}

export function startProgress({ total, stream, intervalSeconds, now = Date.now }: ProgressSettings): Progress {
  const started = now();
  let counts: ProgressCounts = { done: 0, failed: 0 };
  const perMinute = () => {
    const minutes = (now() - started) / 60_000;
    return minutes > 0 ? counts.done / minutes : 0;
  };

  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: ' {bar} {value}/{total} rows | {rate}/min | ETA {eta_formatted} | failed {failed}',
      hideCursor: true,
      etaBuffer: 200,
    }, Presets.shades_classic);
    bar.start(total, 0, { rate: '0', failed: 0 });
    let drawing = true;
    const stop = () => {
      if (drawing) bar.stop();
      drawing = false;
    };
    return {
      update(next) {
        counts = next;
        if (drawing) bar.update(next.done, { rate: perMinute().toFixed(0), failed: next.failed });
      },
      say(message) {
        stop();
        stream.write(`${message}\n`);
      },
      stop,
    };
  }

  const line = () => stream.write(`${progressLine(counts, total, perMinute())}\n`);
  const timer = setInterval(line, intervalSeconds * 1000);
  timer.unref();
  return {
    update(next) {
      counts = next;
    },
    say: (message) => stream.write(`${message}\n`),
    stop() {
      clearInterval(timer);
      line();
    },
  };
}

/** `progress: 120/1000 rows (12%), 390/min, eta 2m15s, failed 0` */
export function progressLine(counts: ProgressCounts, total: number, perMinute: number): string {
  const percent = total === 0 ? 100 : Math.floor((counts.done / total) * 100);
  const left = total - counts.done;
  const eta = left === 0 ? '0s' : perMinute > 0 ? duration((left / perMinute) * 60) : 'unknown';
  return `progress: ${counts.done}/${total} rows (${percent}%), ${perMinute.toFixed(0)}/min, eta ${eta}, failed ${counts.failed}`;
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
}
