/** The worker registers here; notify() calls wake so fresh mail goes out without waiting for a poll. */
let waker: (() => void) | null = null;

export function setOutboxWaker(fn: (() => void) | null) {
  waker = fn;
}

export function wakeOutboxWorker() {
  waker?.();
}
