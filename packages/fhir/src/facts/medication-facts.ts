import type { MedicationRequest, MedicationStatement } from 'fhir/r4';
import {
  RXNORM,
  type Fact,
  type FactDefinition,
  type FactEvidence,
  type Issue,
} from '@soleus/core';
import {
  medicationRecentCounts,
  medicationRequestCounts,
  medicationStatementCounts,
} from '../fhir/resource-status';
import { computeDailyDose, type DailyDose } from '../medications/daily-dose';
import { resolveMedication } from '../medications/resolve-medication';
import type { MedicationResolution, ResolvedProduct } from '../medications/resolved-product';
import { aggregateCandidates, type Candidate } from './aggregate';
import type { FactContext } from './fact-context';
import type { MedicationSource } from './fact-source';
import { resourceRef } from './resource-ref';
import { describeProduct } from './describe-product';
import { listedProductCoding } from './listed-product-coding';
import { withMedicationText } from './medication-clinician-text';
import { windowStart } from './window';

type Order = MedicationRequest | MedicationStatement;

const DO_NOT_PERFORM_NOTE = 'doNotPerform: an instruction not to give the medication';

/**
 * Medication facts by ingredient value set (§9.6): products are mapped to ingredients through the
 * medication index (`ctx.rxnorm`), so an order coded at SCD/SBD level, by `medicationReference` or only
 * by its RxNorm normalized name still counts. Active requests and statements come from the record,
 * drafts from the hook; a product that cannot be identified is never silently ignored (see
 * reportUnidentified), and one the index knows to be outside every rule is simply not counted. `dailyDose` sums mg/day of the value set's ingredients
 * over every matching order; an order whose dose cannot be computed makes the sum a lower bound and is
 * reported as an issue (so a card can still fire on what is known, and never says a total is safe).
 * @param definition - catalogue entry
 * @param source - medication source
 * @param ctx - fact context
 * @returns the fact
 */
export function medicationFact(
  definition: FactDefinition,
  source: MedicationSource,
  ctx: FactContext,
): Fact {
  const candidates: Candidate[] = [];
  const ignored: FactEvidence[] = [];
  let totalMg = 0;
  let dosed = 0;
  for (const order of ordersInScope(source, ctx, ignored)) {
    const ref = resourceRef(order);
    const resolution = resolveOnce(order, ctx);
    const listed =
      resolution.status === 'identified'
        ? undefined
        : listedProductCoding(order, source.valueSet, ctx);
    if (listed) {
      // The value set lists this product by its own code: a member, whatever the index knows of it.
      candidates.push({ resource: ref, reported: listed.display ?? `RxNorm ${listed.code ?? ''}` });
      if (source.aggregate === 'dailyDose') {
        ignored.push({
          resource: ref,
          note: 'daily dose cannot be computed; total is a lower bound',
        });
      }
      continue;
    }
    if (resolution.status === 'unidentified') {
      reportUnidentified(order, resolution.issue, ctx);
      ignored.push({ resource: ref, note: 'medication could not be identified' });
      continue;
    }
    // Information (identified by name) is only counted; warnings (a conflict) may reach the clinician.
    resolution.issues.forEach((issue) =>
      issue.severity === 'information'
        ? ctx.issues.count(issue)
        : ctx.issues.add(withMedicationText(issue, order, ctx)),
    );
    if (resolution.status === 'out-of-scope') {
      continue;
    }
    const product = resolution.product;
    if (source.excludeTopical && product.topical) {
      ignored.push({ resource: ref, note: 'topical product (exempt)' });
      continue;
    }
    if (!hasIngredientIn(product, source.valueSet, ctx)) {
      continue;
    }
    candidates.push({ resource: ref, reported: describeProduct(product) });
    if (source.aggregate === 'dailyDose') {
      const dose = doseOnce(order, product, ctx);
      if (!dose.ok) {
        ctx.issues.add(withMedicationText(dose.issue, order, ctx));
        ignored.push({
          resource: ref,
          note: 'daily dose cannot be computed; total is a lower bound',
        });
        continue;
      }
      const matching = matchingIngredients(product, source.valueSet, ctx);
      totalMg += dose.doses
        .filter((d) => matching.has(d.rxcui))
        .reduce((sum, d) => sum + d.mgPerDay, 0);
      dosed += 1;
    }
  }
  if (source.aggregate !== 'dailyDose') {
    return aggregateCandidates(source.aggregate, candidates, ignored);
  }
  const evidence = candidates.map((c) => ({
    resource: c.resource,
    ...(c.reported ? { reported: c.reported } : {}),
  }));
  const value = candidates.length === 0 ? 0 : dosed === 0 ? null : totalMg;
  return {
    value,
    unit: definition.unit ?? 'mg/d',
    evidence,
    ...(ignored.length > 0 ? { ignored } : {}),
  };
}

/**
 * An order that could not be identified: a warning when its name suggests an ingredient a rule reads,
 * and for a draft order of this hook (a clinician must hear once that it was not checked); otherwise
 * it is only counted (logs, metrics, dry-run), never a card.
 */
function reportUnidentified(order: Order, issue: Issue, ctx: FactContext): void {
  const isDraft = ctx.drafts.some((d) => d === order);
  if (issue.severity !== 'information') {
    ctx.issues.add(withMedicationText(issue, order, ctx));
  } else if (isDraft) {
    const warning: Issue = {
      ...issue,
      severity: 'warning',
      message: `${issue.message.replace(/; counted, not shown$/, '')}; this draft order could not be checked`,
    };
    ctx.issues.add(withMedicationText(warning, order, ctx));
  } else {
    ctx.issues.count(issue);
  }
}

/** Per request: an order's product and daily dose, shared by the ~30 medication facts that look at it. */
interface OrderMemo {
  resolution?: MedicationResolution;
  dose?: DailyDose;
}
const memos = new WeakMap<FactContext, Map<Order, OrderMemo>>();

function memoFor(order: Order, ctx: FactContext): OrderMemo {
  let perOrder = memos.get(ctx);
  if (!perOrder) {
    perOrder = new Map();
    memos.set(ctx, perOrder);
  }
  let memo = perOrder.get(order);
  if (!memo) {
    memo = {};
    perOrder.set(order, memo);
  }
  return memo;
}

function resolveOnce(order: Order, ctx: FactContext): MedicationResolution {
  const memo = memoFor(order, ctx);
  memo.resolution ??= resolveMedication(order, (r) => ctx.index.resolve(r), ctx.rxnorm);
  return memo.resolution;
}

function doseOnce(order: Order, product: ResolvedProduct, ctx: FactContext): DailyDose {
  const memo = memoFor(order, ctx);
  memo.dose ??= computeDailyDose(order, product);
  return memo.dose;
}

/**
 * Whether an ingredient of the product, or the product itself (product-level membership, e.g.
 * amiloride's products), is in the value set. Asked once per order and medication fact (~30 facts),
 * so it allocates nothing but the codings it asks about (docs/reference/performance.md).
 */
/** The ingredient codes (and the product's own) that are in the value set (dose totals read them). */
function matchingIngredients(
  product: ResolvedProduct,
  valueSet: string,
  ctx: FactContext,
): Set<string> {
  const codes = product.ingredients.flatMap((i) => (i.rxcui === undefined ? [] : [i.rxcui]));
  const own = product.rxcui === undefined ? [] : [product.rxcui];
  return new Set(
    [...codes, ...own].filter((code) => ctx.index.codingIn(valueSet, { system: RXNORM, code })),
  );
}

function hasIngredientIn(product: ResolvedProduct, valueSet: string, ctx: FactContext): boolean {
  for (const ingredient of product.ingredients) {
    if (
      ingredient.rxcui !== undefined &&
      ctx.index.codingIn(valueSet, { system: RXNORM, code: ingredient.rxcui })
    ) {
      return true;
    }
  }
  return (
    product.rxcui !== undefined &&
    ctx.index.codingIn(valueSet, { system: RXNORM, code: product.rxcui })
  );
}

function ordersInScope(
  source: MedicationSource,
  ctx: FactContext,
  ignored: FactEvidence[],
): Order[] {
  const orders: Order[] = [];
  const drafts = new Set<unknown>(ctx.allDrafts);
  if (source.scope === 'recent') {
    const from = windowStart(ctx.nowMs, source.window);
    const record = [
      ...ctx.index.ofType('MedicationRequest'),
      ...ctx.index.ofType('MedicationStatement'),
    ];
    for (const order of record.filter((o) => !drafts.has(o))) {
      const status = medicationRecentCounts(order, from, ctx.nowMs);
      if (status.counts) {
        orders.push(order);
      } else {
        ignored.push({ resource: resourceRef(order), note: status.reason });
      }
    }
    return orders;
  }
  if (source.scope !== 'draft') {
    for (const request of ctx.index.ofType('MedicationRequest')) {
      if (drafts.has(request)) {
        continue; // draft orders are the hook's, counted below (a re-signed active order is not doubled)
      }
      const status = medicationRequestCounts(request);
      if (status.counts) {
        orders.push(request);
      } else if (request.status !== 'draft') {
        ignored.push({ resource: resourceRef(request), note: status.reason });
      }
    }
    for (const statement of ctx.index.ofType('MedicationStatement')) {
      const status = medicationStatementCounts(statement);
      if (status.counts) {
        orders.push(statement);
      } else {
        ignored.push({ resource: resourceRef(statement), note: status.reason });
      }
    }
  }
  if (source.scope !== 'active') {
    for (const draft of ctx.drafts) {
      if (draft.doNotPerform === true) {
        ignored.push({ resource: resourceRef(draft), note: DO_NOT_PERFORM_NOTE });
      } else {
        orders.push(draft);
      }
    }
  }
  return orders;
}
