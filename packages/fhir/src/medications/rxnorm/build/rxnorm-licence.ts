/** NLM's requested attribution for RxNorm content (public domain in the United States). */
export const RXNORM_LICENCE =
  'RxNorm content produced by NLM is public domain in the United States (no UMLS licence is needed for the RXNORM source). This product uses publicly available data courtesy of the U.S. National Library of Medicine (NLM), National Institutes of Health, Department of Health and Human Services; NLM is not responsible for the product and does not endorse or recommend this or any other product.';
