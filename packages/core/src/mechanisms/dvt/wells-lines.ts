/**
 * The Wells score in words for card text (formatting, not scoring: wells-score.ts decides).
 * `wellsSummaryLine`: "Wells 2 (likely): 2 items from the record, 3 not yet assessed".
 * `wellsItemLines`: the items that are present (with where each came from and, for an item with
 * several record routes, the route that counted), possible but not confirmed, not yet assessed,
 * absent, or could not be checked, one line per group; never resource ids (records are named through
 * `ctx.records.describe`).
 */
import { calendarDate, humanDate } from '../../text/human-date';
import type { MechanismContext } from '../mechanism';
import type { EntryDescription } from '../records/entry-description';
import type { WellsItemState, WellsScore } from './wells-score';

const CLASS_WORDS: Readonly<Record<WellsScore['wellsClass'], string>> = {
  likely: 'likely',
  unlikely: 'unlikely',
  indeterminate: 'likely or unlikely until assessed',
};

/**
 * @param score - the interval score
 * @returns "2" when the bounds agree, else "1 to 5"
 */
export function wellsScoreText(score: WellsScore): string {
  return score.min === score.max ? `${score.min}` : `${score.min} to ${score.max}`;
}

/**
 * @param score - the interval score
 * @returns e.g. "Wells 2 (likely): 2 items from the record, 3 not yet assessed"
 */
export function wellsSummaryLine(score: WellsScore): string {
  const present = score.items.filter((i) => i.state === 'present' && i.points > 0);
  const fromRecord = present.filter((i) => i.source !== 'attestation').length;
  const fromAssessment = present.length - fromRecord;
  const open = score.items.filter((i) => i.state === 'unknown' && i.points > 0).length;
  const parts = [
    ...(fromRecord > 0 ? [count(fromRecord, 'item', 'from the record')] : []),
    ...(fromAssessment > 0 ? [count(fromAssessment, 'item', 'from the bedside assessment')] : []),
    ...(open > 0 ? [`${open} not yet assessed`] : []),
  ];
  const what = parts.length > 0 ? parts.join(', ') : 'no items present';
  return `Wells ${wellsScoreText(score)} (${CLASS_WORDS[score.wellsClass]}): ${what}`;
}

/**
 * @param score - the interval score
 * @param ctx - the mechanism context (to name the records behind an item)
 * @returns one line per group of items: present, could not be checked, not yet assessed, absent
 */
export function wellsItemLines(score: WellsScore, ctx: MechanismContext): string[] {
  const lines: string[] = [];
  for (const item of score.items.filter((i) => i.state === 'present')) {
    const conflict = item.conflict ? '; the bedside assessment says no, the record was kept' : '';
    lines.push(`Present: ${item.label} (${points(item)}) — ${sourceText(item, ctx)}${conflict}`);
  }
  const unknown = score.items.filter((i) => i.state === 'unknown');
  const unread = unknown.filter((i) => (i.unread ?? []).length > 0);
  if (unread.length > 0) {
    lines.push(`Could not be checked (data not received from the EHR): ${labels(unread)}`);
  }
  for (const item of unknown.filter((i) => i.uncertain === true && (i.unread ?? []).length === 0)) {
    const named = namedRecords(item, ctx);
    const records = named === '' ? '' : ` (${named})`;
    lines.push(
      `Possible: ${item.label} (${points(item)}) — the record holds only a provisional, differential or unconfirmed diagnosis${records}: assess at the bedside`,
    );
  }
  const open = unknown.filter((i) => (i.unread ?? []).length === 0 && i.uncertain !== true);
  if (open.length > 0) {
    lines.push(`Not yet assessed: ${labels(open, ', counts only when assessed')}`);
  }
  const absent = score.items.filter((i) => i.state === 'absent');
  const attested = absent.filter((i) => i.source === 'attestation');
  const recorded = absent.filter((i) => i.source !== 'attestation');
  if (attested.length > 0) {
    lines.push(`Absent at the bedside assessment: ${labels(attested)}`);
  }
  if (recorded.length > 0) {
    lines.push(`Absent (nothing in the record): ${labels(recorded)}`);
  }
  return lines;
}

/** "Name, 20 Nov 2026, 2 days ago", "Name", or the date alone; empty when nothing is known. */
function describedText(description: EntryDescription, nowMs: number): string {
  const when = description.atMs === undefined ? undefined : humanDate(description.atMs, nowMs);
  return [description.name, when].filter((part) => part !== undefined).join(', ');
}

/** The records behind an item, by name and date ("Deep vein thrombosis, 1 May 2019, 7 years ago"). */
function namedRecords(item: WellsItemState, ctx: MechanismContext): string {
  const named = recordsOf(item, ctx).filter((d) => d.name !== undefined);
  return [...new Set(named.map((d) => describedText(d, ctx.nowMs)))].join('; ');
}

function recordsOf(item: WellsItemState, ctx: MechanismContext): EntryDescription[] {
  const describe = ctx.records?.describe;
  if (!describe) {
    return [];
  }
  return item.resources.flatMap((ref) => {
    const description = describe(ref);
    return description ? [description] : [];
  });
}

function sourceText(item: WellsItemState, ctx: MechanismContext): string {
  const records = recordsOf(item, ctx);
  if (item.source === 'attestation') {
    const at = records[0]?.atMs;
    return at === undefined ? 'bedside assessment' : `bedside assessment, ${calendarDate(at)}`;
  }
  const routes = (item.routeLabels ?? []).join('; ');
  const where = item.source === 'measured' ? 'measured' : routes === '' ? 'in the record' : routes;
  const named = namedRecords(item, ctx);
  if (named !== '') {
    return `${where}: ${named}`;
  }
  const at = records.find((d) => d.atMs !== undefined)?.atMs;
  return at === undefined ? where : `${where} (${describedText({ atMs: at }, ctx.nowMs)})`;
}

function points(item: WellsItemState): string {
  return `${item.points > 0 ? '+' : '−'}${Math.abs(item.points)}`;
}

function labels(items: readonly WellsItemState[], negativeNote = ''): string {
  return items
    .map((i) => (i.points < 0 ? `${lower(i.label)} (${points(i)}${negativeNote})` : lower(i.label)))
    .join('; ');
}

function lower(label: string): string {
  return label.length > 1 && label[1] === label[1]?.toLowerCase()
    ? `${label.charAt(0).toLowerCase()}${label.slice(1)}`
    : label;
}

function count(n: number, noun: string, tail: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'} ${tail}`;
}
