/**
 * SNOMED CT route codes (`Dosage.route`) → Soleus route, from `packages/fhir/data/route-codes.json`
 * (every code verified in the FHIR R4 SNOMED CT Route Codes value set). Read once on first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MedicationRoute } from './rxnorm/medication-route';

let byCode: ReadonlyMap<string, MedicationRoute> | undefined;

/**
 * Maps a SNOMED CT route-of-administration code to a Soleus route.
 * @param code - SNOMED CT concept id from `Dosage.route`
 * @returns the route, or undefined when the code is not in the route table
 */
export function lookupRouteCode(code: string): MedicationRoute | undefined {
  if (!byCode) {
    const file = join(__dirname, '..', '..', 'data', 'route-codes.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      routes: readonly { code: string; route: MedicationRoute }[];
    };
    byCode = new Map(json.routes.map((r) => [r.code, r.route]));
  }
  return byCode.get(code.trim());
}
