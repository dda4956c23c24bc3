/**
 * Column positions of the three RxNorm release files Soleus reads, as the RxNorm Technical
 * Documentation (section 12, "Data Files - RxNorm Rich Release Format") and NLM's own database load
 * scripts define them.
 */

/** RXNCONSO.RRF: RXCUI LAT TS LUI STT SUI ISPREF RXAUI SAUI SCUI SDUI SAB TTY CODE STR SRL SUPPRESS CVF. */
export const CONSO = { RXCUI: 0, SAB: 11, TTY: 12, STR: 14, SUPPRESS: 16, COLUMNS: 18 } as const;

/** RXNREL.RRF: RXCUI1 RXAUI1 STYPE1 REL RXCUI2 RXAUI2 STYPE2 RELA RUI SRUI SAB SL DIR RG SUPPRESS CVF. */
export const REL = { RXCUI1: 0, RXCUI2: 4, RELA: 7, SAB: 10, SUPPRESS: 14, COLUMNS: 16 } as const;

/** RXNSAT.RRF: RXCUI LUI SUI RXAUI STYPE CODE ATUI SATUI ATN SAB ATV SUPPRESS CVF. */
export const SAT = { RXCUI: 0, ATN: 8, SAB: 9, ATV: 10, SUPPRESS: 11, COLUMNS: 13 } as const;
