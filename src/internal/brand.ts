// `instanceof` across copies of the package. Node loads the ESM and the CommonJS builds as two modules
// when both are imported (the dual package hazard), and each has its own error classes, so an error
// thrown by one copy failed `instanceof` against the other's class. Every class of ours is branded
// with a registry symbol (`Symbol.for`, shared by every copy in the process) on its prototype, and its
// `Symbol.hasInstance` accepts any object carrying its brand. Subclasses written by users stay
// ordinary classes: for them, `instanceof` is the usual prototype check.

const KIND = Symbol.for('firstpromoter.kind');

const brandOf = (kind: string): symbol => Symbol.for(`firstpromoter.${kind}`);

/** Marks `cls` (one of our classes) as `kind`; the name is spelled out because bundlers rename classes. */
export function brand(cls: abstract new (...args: never[]) => object, kind: string): void {
  Object.defineProperty(cls, KIND, { value: kind });
  Object.defineProperty(cls.prototype, brandOf(kind), { value: true });
}

/** `value instanceof cls`, also for instances of the same class from another copy of the package. */
export function isInstance(cls: abstract new (...args: never[]) => object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  if (!Object.hasOwn(cls, KIND) || value === null || typeof value !== 'object') return false;
  return (value as Record<symbol, unknown>)[brandOf((cls as unknown as Record<symbol, string>)[KIND]!)] === true;
}
