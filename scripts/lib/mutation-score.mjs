// The mutation score of a StrykerJS report (mutation-testing-report-schema JSON: the JSON reporter's
// output and the incremental file have the same shape), counted the way Stryker counts it: timeouts
// are killed; ignored mutants and compile or runtime errors are not counted.

/**
 * @param {{files: Record<string, {mutants: {status: string}[]}>}} report
 * @returns {{score: number, mutants: number, killed: number, timeout: number, survived: number,
 *   noCoverage: number}}
 */
export function scoreOfReport(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (mutant.status in counts) counts[mutant.status] += 1;
    }
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return {
    score: valid === 0 ? 100 : (100 * detected) / valid,
    mutants: valid,
    killed: counts.Killed,
    timeout: counts.Timeout,
    survived: counts.Survived,
    noCoverage: counts.NoCoverage,
  };
}
