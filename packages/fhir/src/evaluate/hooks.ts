/** The CDS Hooks this service answers (CDS Hooks Library 1.0: patient-view, order-select, order-sign). */
export const HOOKS = ['patient-view', 'order-select', 'order-sign'] as const;

/** A supported hook name. */
export type Hook = (typeof HOOKS)[number];

/**
 * Narrows a string to a supported hook.
 * @param value - anything
 * @returns true when `value` names a supported hook
 */
export function isHook(value: unknown): value is Hook {
  return typeof value === 'string' && (HOOKS as readonly string[]).includes(value);
}
