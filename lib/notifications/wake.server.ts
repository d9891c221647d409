import 'server-only';
/**
 * The worker registers here; notify() calls wake so fresh mail goes out without waiting for a poll.
 * Kept on globalThis: Next bundles instrumentation (which starts the worker) apart from routes and
 * actions, so a module-level variable would not be shared between them.
 */
const slot = globalThis as unknown as { quorumOutboxWaker?: (() => void) | null };

export function setOutboxWaker(fn: (() => void) | null) {
  slot.quorumOutboxWaker = fn;
}

export function wakeOutboxWorker() {
  slot.quorumOutboxWaker?.();
}
