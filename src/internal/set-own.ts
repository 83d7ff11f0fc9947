// Copies of data that came from outside (a parsed body, a caller's value) are built key by key, and a
// key named `__proto__` must stay a key: plain assignment would replace the copy's prototype instead.

/** `target[key] = value` as an own property, whatever the key (`__proto__` included). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
