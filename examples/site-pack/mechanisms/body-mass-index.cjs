'use strict';
/**
 * The example site pack's mechanism: body-mass index = weight kg / (height cm / 100)². It reads two facts
 * (their windows and unit conversion live in the fact catalogue) and the pack's plausible height
 * range; an unknown input, or a height outside the range, gives an unknown value, never a guess.
 * Written against the @soleus/core Mechanism interface (docs/guides/site-packs.md) without importing
 * it: a mechanism is a plain object.
 */

/** Reads the pack's height range, reporting each missing number to `report`. */
function heightRange(packParameters, report) {
  const own = packParameters.bodyMassIndex;
  const range = {};
  for (const key of ['minHeightCm', 'maxHeightCm']) {
    const value = own !== null && typeof own === 'object' ? own[key] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) {
      range[key] = value;
    } else {
      report(`/parameters/bodyMassIndex/${key}`, 'a finite number');
    }
  }
  return range.minHeightCm === undefined || range.maxHeightCm === undefined ? null : range;
}

/** Reads the source params (the pack id and the two input fact names). */
function inputNames(params, report) {
  const names = {};
  for (const key of ['pack', 'weightFact', 'heightFact']) {
    if (typeof params[key] === 'string' && params[key].length > 0) {
      names[key] = params[key];
    } else {
      report(`/source/params/${key}`, 'a non-empty string');
    }
  }
  return Object.keys(names).length === 3 ? names : null;
}

function parameterIssue(file, pointer, expected) {
  return {
    severity: 'error',
    code: 'SOLEUS_FACT_PARAMETER',
    message: `${file}#${pointer}: expected ${expected}`,
    location: { file, pointer, path: `${file}#${pointer}` },
    audience: 'operator',
  };
}

const bodyMassIndex = {
  compute(params, ctx) {
    const report = (pointer, expected) =>
      ctx.issues.add({ ...parameterIssue('site-bmi', pointer, expected), severity: 'warning' });
    const names = inputNames(params, report);
    const range = names === null ? null : heightRange(ctx.params(names.pack), report);
    if (names === null || range === null) {
      return { value: null, unit: 'kg/m2' };
    }
    const weight = ctx.fact(names.weightFact);
    const height = ctx.fact(names.heightFact);
    if (
      typeof weight.value !== 'number' ||
      typeof height.value !== 'number' ||
      height.value < range.minHeightCm ||
      height.value > range.maxHeightCm
    ) {
      return { value: null, unit: 'kg/m2' };
    }
    return {
      value: weight.value / (height.value / 100) ** 2,
      unit: 'kg/m2',
      evidence: [...(weight.evidence || []), ...(height.evidence || [])],
    };
  },
  checkParams(params, pack) {
    const issues = [];
    const names = inputNames(params, (pointer, expected) =>
      issues.push(parameterIssue('site-bmi/facts/site-bmi.facts.json', pointer, expected)),
    );
    if (names !== null) {
      heightRange(pack(names.pack), (pointer, expected) =>
        issues.push(parameterIssue(`${names.pack}/pack.json`, pointer, expected)),
      );
    }
    return issues;
  },
};

module.exports = { mechanisms: { bodyMassIndex } };
