/**
 * Adds an enumerable property whose value is computed on first read and then kept. Spreading, JSON,
 * structured clone and deep equality all read it like a plain property, so a consumer cannot tell it
 * from one; a result nobody reads never pays for it.
 * @param target - the object to extend
 * @param key - the property name
 * @param compute - computes the value once
 * @returns `target`, typed with the new property
 */
export function defineLazyProperty<T extends object, K extends string, V>(
  target: T,
  key: K,
  compute: () => V,
): T & { readonly [P in K]: V } {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): V {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, writable: false });
      return value;
    },
  });
  return target as T & { readonly [P in K]: V };
}
