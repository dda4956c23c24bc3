/**
 * How a reading's status reason ends when the entry is only uncertain (provisional, differential,
 * unconfirmed) for a use that may not rely on it: possible, never documented and never absent. The
 * host's status rules write it; mechanisms recognise it in the `ignored` notes of a fact.
 */
export const POSSIBLE_NOT_DOCUMENTED = 'possible, not documented';
