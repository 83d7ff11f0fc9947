// Writes to stdout with backpressure, so a long list piped into a slow reader does not pile up in memory.
export async function writeOut(text: string): Promise<void> {
  if (process.stdout.write(text)) return;
  await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}
