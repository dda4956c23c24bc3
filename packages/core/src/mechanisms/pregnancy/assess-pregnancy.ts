/**
 * Is the patient pregnant, and how far along (clinical-spec §A.5, §C.2, §5.1 revision 2)? Every route
 * counts: a current pregnancy Condition (any certainty: it only raises caution); a weeks-of-gestation
 * code (Z3A) or a gestational-age Observation whose age, carried forward to now, is still within a
 * pregnancy's length; the latest pregnancy status within its window coded or written "pregnant"; the
 * latest hCG within its window that is positive — coded, written as text, or quantitative at or above
 * the positive threshold. An equivocal or unreadable latest hCG or status leaves pregnancy unknown
 * (never "not pregnant"); nothing at all is "not documented" (false). The gestational age is the highest
 * current estimate (the safe reading for the 20-week NSAID limit); a code is read at the end of its week.
 */
import type { FactEvidence } from '../../facts/fact';
import { capitalised } from '../../text/capitalised';
import { normaliseQuantity } from '../../units/normalise-quantity';
import type { MechanismContext } from '../mechanism';
import type { ReadingValue, RecordReading } from '../records/record-reading';
import { readingSubject } from '../records/reading-subject';
import {
  countingAt,
  isPreliminary,
  latestCounting,
  possible,
  readingsOf,
  type Work,
} from './pregnancy-readings';
import type { PregnancyParams } from './pregnancy-params';

/** What the record says about pregnancy. */
export interface PregnancyAssessment {
  /** True documented, false not documented, null unknown (equivocal or unreadable latest test). */
  readonly pregnant: boolean | null;
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
  /** Highest current gestational age estimate in weeks, or null. */
  readonly weeks: number | null;
  readonly weeksEvidence: readonly FactEvidence[];
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The memo key of the assessment (one per evaluation, read by every pregnancy fact). */
export const PREGNANCY_ASSESSMENT = 'pregnancy.assessment';

/** Nothing could be read (the host gives no record): unknown, never "not pregnant". */
const UNREAD: PregnancyAssessment = {
  pregnant: null,
  evidence: [],
  ignored: [],
  weeks: null,
  weeksEvidence: [],
};

/**
 * Assesses pregnancy once per evaluation.
 * @param p - the checked parameters
 * @param ctx - the mechanism context (its record reader gives the entries)
 * @returns the assessment
 */
export function assessPregnancy(p: PregnancyParams, ctx: MechanismContext): PregnancyAssessment {
  const assess = (): PregnancyAssessment => {
    if (ctx.records === undefined) {
      return UNREAD;
    }
    const work: Work = { evidence: [], ignored: [], ages: [], unknown: false };
    readConditions(p, ctx, work);
    readWeeksCodes(p, ctx, work);
    readGestationalAges(p, ctx, work);
    readLatestStatus(p, ctx, work);
    readLatestHcg(p, ctx, work);
    const best = work.ages.reduce<(typeof work.ages)[number] | null>(
      (a, b) => (a === null || b.weeks > a.weeks ? b : a),
      null,
    );
    return {
      pregnant: work.evidence.length > 0 ? true : work.unknown ? null : false,
      evidence: work.evidence,
      ignored: work.ignored,
      weeks: best === null ? null : Number(best.weeks.toFixed(1)),
      weeksEvidence: best === null ? [] : [best.evidence],
    };
  };
  return ctx.memo ? ctx.memo(PREGNANCY_ASSESSMENT, assess) : assess();
}

function readConditions(p: PregnancyParams, ctx: MechanismContext, work: Work): void {
  for (const condition of readingsOf(ctx, {
    kind: 'Condition',
    valueSet: p.conditionValueSet,
    use: 'current',
  })) {
    const { status, ref } = condition;
    (status.counts ? work.evidence : work.ignored).push({
      resource: ref,
      note: status.counts ? 'pregnancy condition' : (status.reason ?? ''),
    });
    if (!status.counts && status.issue) {
      ctx.issues.add({
        severity: 'warning',
        code: 'SOLEUS_FHIR_INVALID_RESOURCE',
        message: `${status.reason ?? ''}; skipped`,
        location: { resource: ref, path: status.path },
        clinicianText: `${readingSubject(condition)} ${status.plain ?? ''}; not used`,
      });
    }
  }
}

function readWeeksCodes(p: PregnancyParams, ctx: MechanismContext, work: Work): void {
  for (const condition of readingsOf(ctx, {
    kind: 'Condition',
    valueSet: p.weeksValueSet,
    use: 'risk',
  })) {
    const { ref, status, time: onset } = condition;
    const code = condition.codes.find((c) => p.weeksByCode[c] !== undefined);
    if (
      !status.counts ||
      code === undefined ||
      !onset ||
      onset.precision === 'year' ||
      onset.precision === 'month'
    ) {
      work.ignored.push({
        resource: ref,
        note: status.counts
          ? 'weeks of gestation without a day-precise date'
          : (status.reason ?? ''),
      });
      continue;
    }
    const stated = (p.weeksByCode[code] ?? 0) + p.codeWeekEndDays / 7;
    carryForward(p, ctx, work, ref, stated, onset.epochMs, `weeks-of-gestation code ${code}`);
  }
}

function readGestationalAges(p: PregnancyParams, ctx: MechanismContext, work: Work): void {
  for (const obs of readingsOf(ctx, { kind: 'Observation', valueSet: p.gestationalAgeValueSet })) {
    const placed = countingAt(obs, ctx, work, true);
    if (placed === null) {
      continue;
    }
    const { ref, value } = obs;
    const weeks = value.kind === 'quantity' ? normaliseQuantity(value, 'gestationalAge') : null;
    if (weeks === null || !weeks.ok || weeks.comparator !== undefined) {
      // Unreadable: it leaves pregnancy unknown only while it could still describe this pregnancy.
      const recent = ctx.nowMs - placed <= p.maxWeeks * WEEK_MS;
      unreadable(ctx, work, obs, value, 'gestational age: expected weeks or days', recent);
      continue;
    }
    const what = isPreliminary(obs) ? 'preliminary gestational age' : 'gestational age';
    carryForward(p, ctx, work, ref, weeks.value, placed, what);
  }
}

/** A pregnancy dated at `atMs` is current while its age carried forward stays within `maxWeeks`. */
function carryForward(
  p: PregnancyParams,
  ctx: MechanismContext,
  work: Work,
  ref: string,
  weeksThen: number,
  atMs: number,
  what: string,
): void {
  const weeksNow = weeksThen + (ctx.nowMs - atMs) / WEEK_MS;
  const at = new Date(atMs).toISOString();
  if (weeksNow > p.maxWeeks || atMs > ctx.nowMs) {
    work.ignored.push({
      resource: ref,
      at,
      note: `${what}: that pregnancy is over (beyond ${p.maxWeeks} weeks now)`,
    });
    return;
  }
  if (what.startsWith('preliminary')) {
    possible(work, ref, what);
    return;
  }
  const evidence = { resource: ref, at, note: `${what}: ${weeksNow.toFixed(1)} weeks now` };
  work.evidence.push(evidence);
  work.ages.push({ weeks: weeksNow, evidence });
}

function readLatestStatus(p: PregnancyParams, ctx: MechanismContext, work: Work): void {
  const readings = readingsOf(ctx, {
    kind: 'Observation',
    valueSet: p.statusValueSet,
    positiveValueSet: p.pregnantValueSet,
  });
  const latest = latestCounting(ctx, readings, p.statusWindow, work, (obs) => {
    if (obs.value.kind !== 'negative') {
      possible(work, obs.ref, 'preliminary pregnancy status');
    }
  });
  if (latest === null) {
    return;
  }
  const { ref, value } = latest;
  if (value.kind === 'positive') {
    work.evidence.push({ resource: ref, note: 'pregnancy status: pregnant' });
  } else if (value.kind !== 'negative') {
    unreadable(ctx, work, latest, value, 'pregnancy status: neither pregnant nor not pregnant');
  }
}

function readLatestHcg(p: PregnancyParams, ctx: MechanismContext, work: Work): void {
  const readings = readingsOf(ctx, {
    kind: 'Observation',
    valueSet: p.hcgValueSet,
    positiveValueSet: p.positiveResultValueSet,
    negativeValueSet: p.negativeResultValueSet,
  });
  const verdictOf = (value: ReadingValue) =>
    value.kind === 'quantity' ? hcgLevel(p, value) : value.kind;
  const latest = latestCounting(ctx, readings, p.hcgWindow, work, (obs) => {
    if (verdictOf(obs.value) !== 'negative') {
      possible(work, obs.ref, 'preliminary hCG');
    }
  });
  if (latest === null) {
    return;
  }
  const { ref, value } = latest;
  const verdict = verdictOf(value);
  if (verdict === 'positive') {
    work.evidence.push({ resource: ref, note: 'positive hCG' });
  } else if (verdict === 'equivocal') {
    work.unknown = true;
    work.ignored.push({ resource: ref, note: 'hCG equivocal: pregnancy unknown' });
  } else if (verdict !== 'negative') {
    unreadable(ctx, work, latest, value, 'hCG: expected a positive/negative result or IU/L');
  }
}

function hcgLevel(
  p: PregnancyParams,
  q: { value: number; unit?: string; code?: string; comparator?: string },
): 'positive' | 'negative' | 'equivocal' | 'unreadable' {
  const unit = (q.code ?? q.unit ?? '').trim().toLowerCase();
  if (typeof q.value !== 'number' || !p.hcgUnits.some((u) => u.toLowerCase() === unit)) {
    return 'unreadable';
  }
  if (q.value >= p.hcgPositiveAtLeast && q.comparator !== '<' && q.comparator !== '<=') {
    return 'positive';
  }
  const below =
    q.value < p.hcgNegativeBelow || (q.comparator === '<' && q.value <= p.hcgNegativeBelow);
  return below && q.comparator !== '>' && q.comparator !== '>=' ? 'negative' : 'equivocal';
}

function unreadable(
  ctx: MechanismContext,
  work: Work,
  obs: RecordReading,
  value: ReadingValue,
  what: string,
  makesUnknown = true,
): void {
  const ref = obs.ref;
  const reason = value.kind === 'uninterpretable' ? value.reason : what;
  // The record's own name for the test, else what it was read as ("hCG", "pregnancy status" …).
  const name = capitalised(what.split(':')[0] ?? 'A result');
  const plain = value.kind === 'uninterpretable' ? value.plain : 'could not be read';
  work.unknown ||= makesUnknown;
  work.ignored.push({ resource: ref, note: `${reason}; pregnancy unknown` });
  ctx.issues.add({
    severity: 'warning',
    code: 'SOLEUS_FHIR_UNINTERPRETABLE',
    message: `${what} (${reason}); treated as unknown, never as not pregnant`,
    location: {
      resource: ref,
      path: value.kind === 'uninterpretable' ? value.path : obs.valuePath,
    },
    clinicianText: `${readingSubject(obs, name)} ${plain}; ${makesUnknown ? 'pregnancy cannot be ruled out' : 'not used'}`,
  });
}
