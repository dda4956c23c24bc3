import { decideDvtCard, type DvtCard, type DvtDecisionInput } from './decide-dvt-card';

const base: DvtDecisionInput = {
  triggered: true,
  confirmedCondition: false,
  wellsClass: 'unlikely',
  ultrasound: null,
  repeatScanNegative: false,
  ddimer: null,
  ddimerReliable: true,
  pregnant: false,
  ultrasoundScope: 'proximal',
};

describe('decideDvtCard (clinical-spec §A.6)', () => {
  it.each<[string, Partial<DvtDecisionInput>, DvtCard | null]>([
    ['no episode → pathway does not run', { triggered: false, ddimer: 'negative' }, null],
    [
      'positive scan, any Wells → confirmed',
      { wellsClass: 'indeterminate', ultrasound: 'positive' },
      'dvt-confirmed',
    ],
    [
      'DVT diagnosis in the episode → confirmed',
      { confirmedCondition: true, ultrasound: 'negative' },
      'dvt-confirmed',
    ],
    [
      'a preliminary positive scan, Wells unlikely, reliable negative D-dimer → likely until final',
      { ultrasoundPending: true, ddimer: 'negative', ddimerReliable: true },
      'dvt-likely-imaging',
    ],
    [
      'a preliminary positive scan next to a final negative scan → still not excluded',
      { ultrasoundPending: true, ultrasound: 'negative' },
      'dvt-likely-imaging',
    ],
    ['likely, no scan, no D-dimer → imaging', { wellsClass: 'likely' }, 'dvt-likely-imaging'],
    [
      'likely, no scan, negative D-dimer → still imaging',
      { wellsClass: 'likely', ddimer: 'negative' },
      'dvt-likely-imaging',
    ],
    [
      'likely, negative scan, no D-dimer → D-dimer required',
      { wellsClass: 'likely', ultrasound: 'negative' },
      'dvt-ddimer-required',
    ],
    [
      'likely, negative scan, negative reliable D-dimer → excluded',
      { wellsClass: 'likely', ultrasound: 'negative', ddimer: 'negative' },
      'dvt-excluded',
    ],
    [
      'likely, negative scan, negative unreliable D-dimer → unreliable',
      { wellsClass: 'likely', ultrasound: 'negative', ddimer: 'negative', ddimerReliable: false },
      'dvt-ddimer-unreliable',
    ],
    [
      'likely, negative scan, positive D-dimer → repeat scan',
      { wellsClass: 'likely', ultrasound: 'negative', ddimer: 'positive' },
      'dvt-repeat-us',
    ],
    [
      'likely, repeat negative scan after a positive D-dimer → excluded',
      {
        wellsClass: 'likely',
        ultrasound: 'negative',
        repeatScanNegative: true,
        ddimer: 'positive',
      },
      'dvt-excluded',
    ],
    [
      'pregnant, repeat negative scan → still repeat scan (not automated)',
      { pregnant: true, ultrasound: 'negative', repeatScanNegative: true },
      'dvt-repeat-us',
    ],
    [
      'likely, negative whole-leg scan → excluded',
      { wellsClass: 'likely', ultrasound: 'negative', ultrasoundScope: 'whole-leg' },
      'dvt-excluded',
    ],
    ['unlikely, nothing → D-dimer required', {}, 'dvt-ddimer-required'],
    ['unlikely, negative reliable D-dimer → excluded', { ddimer: 'negative' }, 'dvt-excluded'],
    [
      'unlikely, negative unreliable D-dimer → unreliable',
      { ddimer: 'negative', ddimerReliable: false },
      'dvt-ddimer-unreliable',
    ],
    ['unlikely, positive D-dimer → imaging', { ddimer: 'positive' }, 'dvt-ddimer-positive-imaging'],
    [
      'unlikely, negative scan, positive D-dimer → excluded (NICE)',
      { ultrasound: 'negative', ddimer: 'positive' },
      'dvt-excluded',
    ],
    [
      'indeterminate, negative D-dimer → incomplete, never excluded',
      { wellsClass: 'indeterminate', ddimer: 'negative' },
      'dvt-wells-incomplete',
    ],
    [
      'indeterminate, negative scan and D-dimer → incomplete',
      { wellsClass: 'indeterminate', ultrasound: 'negative', ddimer: 'negative' },
      'dvt-wells-incomplete',
    ],
    [
      'pregnant, no scan → unreliable',
      { pregnant: true, wellsClass: 'likely', ddimer: 'negative' },
      'dvt-ddimer-unreliable',
    ],
    [
      'pregnant, negative scan → repeat scan',
      { pregnant: true, ultrasound: 'negative', ddimer: 'negative' },
      'dvt-repeat-us',
    ],
    [
      'pregnant, positive scan → confirmed',
      { pregnant: true, ultrasound: 'positive' },
      'dvt-confirmed',
    ],
  ])('%s', (_desc, given, want) => {
    expect(decideDvtCard({ ...base, ...given })).toBe(want);
  });

  it.each<[string, Partial<DvtDecisionInput>]>([
    ['Wells indeterminate', { wellsClass: 'indeterminate', ddimer: 'negative' }],
    ['no usable D-dimer', { ddimer: null }],
    ['pregnant', { pregnant: true, ddimer: 'negative' }],
    ['anticoagulated', { ddimer: 'negative', ddimerReliable: false }],
  ])('never says excluded on an unknown or unreliable input: %s', (_desc, given) => {
    expect(decideDvtCard({ ...base, ...given })).not.toBe('dvt-excluded');
  });
});
