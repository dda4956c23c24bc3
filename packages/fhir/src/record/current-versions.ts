/**
 * One current version per resource (clinical-spec §0.3, revision 2). History feeds and merged searches
 * carry the same resource (type and id) more than once; only the current version counts: the highest
 * numeric `meta.versionId`, else the latest `meta.lastUpdated`, else the last in input order (each
 * criterion breaks the ties of the one before). A current version marked `entered-in-error` therefore
 * retracts the resource: the status rules skip it and no earlier version is left to count.
 */
import { isResourceObject } from '../fhir/bundle-resources';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import type { IndexEntry } from '../facts/record-index';
import { sameJson } from './same-json';

/** The record with one version per resource, and the versions left out. */
export interface VersionResolution {
  /** Resources in input order, each at its current version. */
  readonly current: readonly IndexEntry[];
  /** Earlier versions that differ from the current one (exact repeats are dropped silently). */
  readonly superseded: readonly IndexEntry[];
}

interface Candidate {
  readonly entry: IndexEntry;
  readonly position: number;
}

/**
 * Keeps the current version of every resource.
 * @param entries - the record's resources, possibly with several versions of one resource
 * @returns the current versions in input order and the superseded ones
 */
export function currentVersions(entries: readonly IndexEntry[]): VersionResolution {
  // Most keys occur once: remember only the first position, and build a group at the second.
  const first = new Map<string, number>();
  const groups = new Map<string, Candidate[]>();
  entries.forEach((entry, position) => {
    const key = versionKey(entry);
    if (key === null) {
      return;
    }
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, position);
      return;
    }
    const group = groups.get(key);
    if (group) {
      group.push({ entry, position });
    } else {
      groups.set(key, [
        { entry: entries[seen] as IndexEntry, position: seen },
        { entry, position },
      ]);
    }
  });
  const dropped = new Set<number>();
  const superseded: IndexEntry[] = [];
  // In order of each resource's first appearance, as the superseded list always was.
  const ordered = [...groups.values()].sort(
    (a, b) => (a[0]?.position ?? 0) - (b[0]?.position ?? 0),
  );
  for (const group of ordered) {
    const winner = pickCurrent(group);
    for (const candidate of group) {
      if (candidate !== winner) {
        dropped.add(candidate.position);
        if (!sameJson(candidate.entry.resource, winner.entry.resource)) {
          superseded.push(candidate.entry);
        }
      }
    }
  }
  const current =
    dropped.size === 0 ? entries : entries.filter((_e, position) => !dropped.has(position));
  return { current, superseded };
}

function versionKey(entry: IndexEntry): string | null {
  if (!isResourceObject(entry.resource)) {
    return null;
  }
  const id = (entry.resource as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? `${entry.resource.resourceType}/${id}` : null;
}

/** Highest versionId (when every version has a numeric one), then latest lastUpdated, then input order. */
function pickCurrent(group: readonly Candidate[]): Candidate {
  const versions = group.map((c) => numericVersion(c.entry));
  const updated = group.map((c) => lastUpdatedMs(c.entry));
  const byVersion = versions.every((v) => v !== null);
  const byUpdated = updated.every((u) => u !== null);
  let best = 0;
  for (let i = 1; i < group.length; i += 1) {
    const order = [
      byVersion ? (versions[i] ?? 0) - (versions[best] ?? 0) : 0,
      byUpdated ? (updated[i] ?? 0) - (updated[best] ?? 0) : 0,
      1, // later in input order wins the remaining ties
    ].find((d) => d !== 0);
    if ((order ?? 0) > 0) {
      best = i;
    }
  }
  return group[best] ?? (group[0] as Candidate);
}

function meta(entry: IndexEntry): { versionId?: unknown; lastUpdated?: unknown } {
  const value = (entry.resource as { meta?: unknown }).meta;
  return typeof value === 'object' && value !== null ? (value as object) : {};
}

function numericVersion(entry: IndexEntry): number | null {
  const version = meta(entry).versionId;
  const text = typeof version === 'number' ? String(version) : version;
  return typeof text === 'string' && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function lastUpdatedMs(entry: IndexEntry): number | null {
  const value = meta(entry).lastUpdated;
  return typeof value === 'string' ? (parseFhirDate(value)?.epochMs ?? null) : null;
}
