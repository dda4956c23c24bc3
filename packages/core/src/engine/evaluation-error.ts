import { SoleusError } from '../errors';

/** The rule (and, when known, the condition) an evaluation error is about. */
export interface EvaluationErrorSite {
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** Rule file relative to the rules directory. */
  readonly file: string;
  /** JSON Pointer of the failing condition inside the rule file, or '' when not known. */
  readonly pointer: string;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) {
    return 'a non-error value';
  }
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? `${cause.name} ${code}` : cause.name;
}

/**
 * Builds the error thrown when a rule fails during evaluation, naming the rule and the condition so an
 * author can find it (cql-execution `AnnotatedError` style); the original error is kept as `cause`.
 * The message names no fact value, so it is safe to log.
 * @param site - the failing rule and condition
 * @param cause - what was thrown
 * @returns a SoleusError with code SOLEUS_ENGINE_EVALUATION
 */
export function evaluationError(site: EvaluationErrorSite, cause: unknown): SoleusError {
  const rule = `${site.ruleId}@${site.ruleVersion}`;
  const where = site.pointer === '' ? site.file : `${site.file}#${site.pointer}`;
  const message =
    `rule ${rule} (${where}): evaluation failed with ${describe(cause)}; expected the condition to ` +
    'evaluate to true or false. See the cause; check the operator, value and value sets of the rule.';
  return new SoleusError('SOLEUS_ENGINE_EVALUATION', message, {
    cause,
    issues: [
      {
        severity: 'error',
        code: 'SOLEUS_ENGINE_EVALUATION',
        message,
        location:
          site.pointer === '' ? { file: site.file } : { file: site.file, pointer: site.pointer },
        details: { ruleId: site.ruleId, ruleVersion: site.ruleVersion },
      },
    ],
  });
}
