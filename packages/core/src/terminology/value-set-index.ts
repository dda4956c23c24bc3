/**
 * The default {@link TerminologyProvider}: an in-memory index over FHIR R4 ValueSet resources.
 *
 * Each value set is flattened once, at build time, into codes by system, so `contains()` on the hot
 * path is two hash lookups and builds no key string (it is called once per distinct coding of a
 * record and value set a hook asks about). Members come from `expansion.contains[]` (nested
 * `contains` too) and from `compose.include[].concept[]` (system taken from the include).
 * `compose.include[].valueSet[]` unions other loaded value sets; a reference cycle or a reference to a
 * value set that is not loaded is an error, never silently empty.
 *
 * Prefix convention (no FHIR extension needed): a code ending in `*` — e.g. `I82.4*` — matches every
 * code of the same system that starts with the text before the `*`. The clinical spec names ICD-10-CM
 * families (K25–K28, C00–C96, I50.x); write them as `K25*`, `K26*`, …, `I50*`. Prefix members are
 * kept per system and scanned only after the exact lookup misses.
 *
 * Matching is fail-safe: a coding with no system or no code is never a member, and codes are compared
 * case-sensitively as FHIR requires.
 */
import { SoleusError, type Issue } from '../errors';
import type { Coding, TerminologyProvider } from './terminology-provider';
import type { ValueSetExpansionContains, ValueSetResource } from './value-set-resource';

/** Options for {@link buildValueSetIndex}. */
export interface BuildValueSetIndexOptions {
  /** Value-set url → file it was read from, so issues can name the file. */
  readonly files?: ReadonlyMap<string, string>;
}

interface Members {
  /** `system|code` of every exact member, in the order added (what `expand` lists). */
  readonly exact: Set<string>;
  /** The same members by system → codes: what `contains` asks, with no key string to build. */
  readonly codes: Map<string, Set<string>>;
  readonly prefixes: Map<string, string[]>;
}

const PREFIX_MARK = '*';

/**
 * Builds an O(1) membership index over value sets, looked up by canonical `url` or resource `id`.
 * @param valueSets - FHIR R4 ValueSet resources (already shape-checked, e.g. by `loadValueSets`)
 * @param options - where each value set came from, for issue locations
 * @returns a synchronous terminology provider
 * @throws {SOLEUS_VALUESET_INVALID} when an include references a missing value set or forms a cycle
 */
export function buildValueSetIndex(
  valueSets: readonly ValueSetResource[],
  options: BuildValueSetIndexOptions = {},
): TerminologyProvider {
  const context: FlattenContext = {
    byUrl: new Map(valueSets.map((vs) => [vs.url, vs])),
    memo: new Map(),
    issues: [],
    files: options.files ?? new Map(),
  };
  const index = new Map<string, Members>();
  for (const vs of valueSets) {
    const members = flatten(context, vs, []);
    index.set(vs.url, members);
    if (vs.id !== undefined && !context.byUrl.has(vs.id)) {
      index.set(vs.id, members);
    }
  }
  if (context.issues.length > 0) {
    throw new SoleusError('SOLEUS_VALUESET_INVALID', summarize(context.issues), {
      issues: context.issues,
    });
  }
  return createProvider(
    index,
    valueSets.map((vs) => vs.url),
  );
}

interface FlattenContext {
  readonly byUrl: ReadonlyMap<string, ValueSetResource>;
  readonly memo: Map<string, Members>;
  readonly issues: Issue[];
  readonly files: ReadonlyMap<string, string>;
}

/** Depth-first union of a value set's own members and the value sets it includes. */
function flatten(context: FlattenContext, vs: ValueSetResource, stack: readonly string[]): Members {
  const done = context.memo.get(vs.url);
  if (done) {
    return done;
  }
  const members = collectOwnMembers(vs);
  vs.compose?.include?.forEach((include, i) => {
    include.valueSet?.forEach((ref, j) => {
      const target = context.byUrl.get(stripVersion(ref));
      if (target && !stack.includes(target.url) && target.url !== vs.url) {
        mergeMembers(members, flatten(context, target, [...stack, vs.url]));
        return;
      }
      const file = context.files.get(vs.url) ?? vs.url;
      const pointer = `/compose/include/${i}/valueSet/${j}`;
      const what = target
        ? `include cycle ${[...stack, vs.url, target.url].map((u) => `"${u}"`).join(' → ')}; expected an acyclic union of value sets`
        : `include of value set "${ref}" that is not loaded; expected the url of a loaded ValueSet`;
      context.issues.push({
        severity: 'error',
        code: 'SOLEUS_VALUESET_INVALID',
        message: `${file}#${pointer}: ${what}`,
        location: { file, pointer },
      });
    });
  });
  context.memo.set(vs.url, members);
  return members;
}

function createProvider(
  index: ReadonlyMap<string, Members>,
  urls: readonly string[],
): TerminologyProvider {
  const frozenUrls = Object.freeze([...urls]);
  // A record index asks one value set about every distinct coding of a type in a row: the last value
  // set found is kept (the index never changes), so those asks skip the map (and the version strip).
  let lastUrl: string | undefined;
  let lastMembers: Members | undefined;
  const lookup = (valueSet: string): Members => {
    if (valueSet === lastUrl && lastMembers !== undefined) {
      return lastMembers;
    }
    const members = index.get(valueSet) ?? index.get(stripVersion(valueSet));
    if (!members) {
      throw new SoleusError(
        'SOLEUS_VALUESET_NOT_FOUND',
        `value set "${valueSet}" is not loaded; expected the url or id of one of ${frozenUrls.length} loaded value sets`,
      );
    }
    lastUrl = valueSet;
    lastMembers = members;
    return members;
  };
  return {
    contains: (valueSet: string, coding: Coding): boolean => isMember(lookup(valueSet), coding),
    has: (valueSet: string): boolean => index.has(valueSet) || index.has(stripVersion(valueSet)),
    valueSets: (): readonly string[] => frozenUrls,
    expand: (valueSet: string): readonly Coding[] | undefined => listMembers(lookup(valueSet)),
  };
}

/** Exact members as codings; undefined when prefixes make the set impossible to list. */
function listMembers(members: Members): readonly Coding[] | undefined {
  if (members.prefixes.size > 0) {
    return undefined;
  }
  return [...members.exact].map((key) => {
    const bar = key.lastIndexOf('|');
    return { system: key.slice(0, bar), code: key.slice(bar + 1) };
  });
}

function isMember(members: Members, coding: Coding): boolean {
  const { system, code } = coding;
  if (!system || !code) {
    return false;
  }
  if (members.codes.get(system)?.has(code) === true) {
    return true;
  }
  // Most codings asked about are not members, and most value sets have no prefix (ICD-10 families).
  if (members.prefixes.size === 0) {
    return false;
  }
  return members.prefixes.get(system)?.some((prefix) => code.startsWith(prefix)) ?? false;
}

function collectOwnMembers(vs: ValueSetResource): Members {
  const members: Members = { exact: new Set(), codes: new Map(), prefixes: new Map() };
  const visit = (items: readonly ValueSetExpansionContains[] | undefined): void => {
    for (const item of items ?? []) {
      addMember(members, item.system, item.code);
      visit(item.contains);
    }
  };
  visit(vs.expansion?.contains);
  for (const include of vs.compose?.include ?? []) {
    for (const concept of include.concept ?? []) {
      addMember(members, include.system, concept.code);
    }
  }
  return members;
}

function addMember(members: Members, system: string | undefined, code: string | undefined): void {
  if (!system || !code) {
    return;
  }
  if (code.endsWith(PREFIX_MARK) && code.length > 1) {
    const list = members.prefixes.get(system) ?? [];
    list.push(code.slice(0, -1));
    members.prefixes.set(system, list);
    return;
  }
  members.exact.add(`${system}|${code}`);
  addCode(members, system, code);
}

function addCode(members: Members, system: string, code: string): void {
  const codes = members.codes.get(system);
  if (codes) {
    codes.add(code);
  } else {
    members.codes.set(system, new Set([code]));
  }
}

function mergeMembers(into: Members, from: Members): void {
  from.exact.forEach((key) => into.exact.add(key));
  from.codes.forEach((codes, system) => codes.forEach((code) => addCode(into, system, code)));
  from.prefixes.forEach((prefixes, system) => {
    into.prefixes.set(system, [...(into.prefixes.get(system) ?? []), ...prefixes]);
  });
}

/** Canonical references may carry a version (`url|1.0.0`); the index holds one version per url. */
function stripVersion(ref: string): string {
  const bar = ref.indexOf('|');
  return bar === -1 ? ref : ref.slice(0, bar);
}

function summarize(issues: readonly Issue[]): string {
  return `${issues.length} problem${issues.length === 1 ? '' : 's'} in value sets:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`;
}
