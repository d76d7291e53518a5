/** A one-line progress bar on stderr (or a line every 10 % when not a terminal). */
export function createProgressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  let lastShown = -1;
  return {
    update(done: number, total: number, detail: string) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const percent = Math.floor(fraction * 100);
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${detail}   `,
        );
      } else if (Math.floor(percent / 10) !== Math.floor(lastShown / 10)) {
        process.stderr.write(`${label} ${percent}% ${detail}\n`);
      }
      lastShown = percent;
    },
    finish() {
      if (tty) process.stderr.write('\n');
    },
  };
}
