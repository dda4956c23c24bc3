import type { Mechanism } from '../mechanism';
import { dvtParam } from './dvt-param';

/** `dvt.ultrasoundScope`: the site's ultrasound scope (pack parameter), as a fact the table reads. */
export const ultrasoundScope: Mechanism = {
  compute: (_p, ctx) => ({ value: dvtParam(ctx, 'ultrasoundScope', 'string') }),
  requires: () => [],
  // No source params; the pack parameter is checked with the whole DVT pack (checkDvtParameters).
  checkParams: () => [],
};
