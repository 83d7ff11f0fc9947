// Attempt timeouts on one shared timer. A timer per attempt costs about 5 µs on Node (a Timeout object,
// and on an otherwise quiet event loop its list is created, scheduled in libuv and deleted again every
// time), which is a twentieth of a whole tracking call on loopback (bench/RESULTS.md). Deadlines of one
// duration expire in the order they were set, so each duration keeps a queue, and one timer is armed
// for the earliest live deadline. A cancelled deadline is only marked; the queue drops it from its head.
// The timer is unref'd: a pending attempt keeps the process alive through its socket, as it must, and a
// finished program exits at once instead of waiting for a timeout nobody needs any more.

interface Deadline {
  readonly at: number;
  fire: (() => void) | undefined;
}

interface Queue {
  items: Deadline[];
  head: number;
}

const queues = new Map<number, Queue>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Number.POSITIVE_INFINITY;

/** Calls `fire` once, `ms` from now, unless the returned cancel runs first. */
export function deadline(ms: number, fire: () => void): () => void {
  const entry: Deadline = { at: performance.now() + ms, fire };
  let queue = queues.get(ms);
  if (!queue) queues.set(ms, (queue = { items: [], head: 0 }));
  queue.items.push(entry);
  if (entry.at < armedAt) arm(entry.at);
  return () => {
    if (entry.fire === undefined) return;
    entry.fire = undefined;
    trim(queue);
  };
}

/** Drops cancelled and fired deadlines from the head; compacts the array once its dead part is large. */
function trim(queue: Queue): void {
  const { items } = queue;
  while (queue.head < items.length && items[queue.head]!.fire === undefined) queue.head++;
  if (queue.head === items.length) {
    items.length = 0;
    queue.head = 0;
  } else if (queue.head > 1024 && queue.head * 2 > items.length) {
    queue.items = items.slice(queue.head);
    queue.head = 0;
  }
}

function arm(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  armedAt = at;
  timer = setTimeout(expire, Math.max(0, Math.ceil(at - performance.now())));
  (timer as { unref?: () => void }).unref?.();
}

function expire(): void {
  timer = undefined;
  armedAt = Number.POSITIVE_INFINITY;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  for (const [ms, queue] of queues) {
    trim(queue);
    while (queue.head < queue.items.length && queue.items[queue.head]!.at <= now) {
      const entry = queue.items[queue.head]!;
      const fire = entry.fire;
      entry.fire = undefined;
      trim(queue);
      // Outside this loop, so a callback that throws fails like any timer callback and spares the rest.
      if (fire) queueMicrotask(fire);
    }
    if (queue.head < queue.items.length) next = Math.min(next, queue.items[queue.head]!.at);
    else queues.delete(ms);
  }
  if (next !== Number.POSITIVE_INFINITY) arm(next);
}
