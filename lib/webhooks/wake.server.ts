import 'server-only';
/**
 * The webhook worker registers here, so an admin's re-send or test event goes out at once rather
 * than at the next poll. On globalThis: Next bundles instrumentation (which starts the worker) apart
 * from the actions, so a module-level variable would not be shared between them.
 */
const slot = globalThis as unknown as { quorumWebhookWaker?: (() => void) | null };

export function setWebhookWaker(fn: (() => void) | null) {
  slot.quorumWebhookWaker = fn;
}

export function wakeWebhookWorker() {
  slot.quorumWebhookWaker?.();
}
