import { IngredientSuggestions } from './suggested-ingredients';

const suggestions = new IngredientSuggestions([
  { phrase: 'simvastatin', ingredients: ['simvastatin'], fuzzy: true },
  { phrase: 'naproxen', ingredients: ['naproxen'], fuzzy: true },
  { phrase: 'mefenamic acid', ingredients: ['mefenamic acid'], fuzzy: true },
  { phrase: 'Tylenol', ingredients: ['acetaminophen'], fuzzy: false },
  { phrase: 'Ibu', ingredients: ['ibuprofen'], fuzzy: false },
]);

describe('IngredientSuggestions', () => {
  it.each([
    ['a whole-word name in any case and punctuation', 'NAPROXEN-500mg tab', ['naproxen']],
    ['a multi-word name', 'Mefenamic Acid 250 mg capsule', ['mefenamic acid']],
    ['a brand, exactly', 'Tylenol Extra Strength', ['acetaminophen']],
    ['a one-letter misspelling of a long name', 'Simvistatin 10 MG', ['simvastatin']],
    ['an adjacent transposition', 'Naproxne 250', ['naproxen']],
  ])('suggests %s', (_why, text, want) => {
    expect(suggestions.suggest(text)).toEqual(want);
  });

  it.each([
    ['a name inside another word', 'antinaproxenic'],
    ['a near miss of a brand (brands are exact)', 'Tylenal'],
    ['a brand shorter than four letters (too many false matches)', 'Ibu 400'],
    ['two letters off an 8-letter name', 'napraxan'],
    ['nothing of interest', 'Herbal tea'],
  ])('does not suggest %s', (_why, text) => {
    expect(suggestions.suggest(text)).toEqual([]);
  });
});
