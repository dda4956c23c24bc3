/**
 * A strength or quantity with its UCUM unit: `mg` per tablet/capsule, `mg/mL` of a solution,
 * `mg/{actuat}` per actuation, `mg/h` of a patch; other RxNorm units keep their UCUM spelling
 * (`{unit}`, `meq`, …) for display, and no dose is computed from them.
 */
export interface RxnormStrength {
  readonly value: number;
  readonly unit: string;
}
