/* global document */
// The Wells form, rendered from the shipped Questionnaire (items, prefixes and wording come from it)
// and pre-filled from the Soleus service's breakdown (each item's state and where it came from). The
// page never scores: the class and next step come back from the service.

const CHOICES = [
  ['true', 'Yes'],
  ['false', 'No'],
  ['', 'Not assessed'],
];

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** True when the record (or a measurement) documents the item: answering No needs a reason. */
export function recordSaysPresent(state) {
  return state?.state === 'present' && (state.source === 'record' || state.source === 'measured');
}

function sourceText(state, label) {
  const names = (state?.resources ?? []).map(label).join('; ');
  switch (state?.source) {
    case 'record':
      return state.state === 'present'
        ? `In the record: ${names}.`
        : 'Nothing in the record: counts as No unless you answer.';
    case 'measured':
      return `Measured: ${names}.`;
    case 'attestation':
      return 'Pre-filled from the earlier assessment of this episode.';
    default:
      return state?.points < 0
        ? 'Your clinical judgement only: never taken from the record.'
        : 'Needs the bedside examination.';
  }
}

function prefill(state) {
  if (state?.source === 'record' && state.state === 'present') {
    return 'true';
  }
  if (state?.source === 'measured' || state?.source === 'attestation') {
    return state.state === 'present' ? 'true' : state.state === 'absent' ? 'false' : '';
  }
  return '';
}

function renderItem(question, state, label) {
  const id = question.linkId;
  const fieldset = el('fieldset', { class: 'item', id: `item-${id}`, 'data-link-id': id });
  const legend = el('legend', { class: 'item__text' });
  legend.append(el('span', { class: 'item__prefix' }, question.prefix ?? ''), ` ${question.text}`);
  const source = el('p', {
    class: `item__source source--${state?.source ?? 'none'}`,
    id: `source-${id}`,
  });
  source.textContent = sourceText(state, label);
  const choices = el('div', { class: 'choices' });
  const selected = prefill(state);
  for (const [value, text] of CHOICES) {
    const input = el('input', {
      type: 'radio',
      name: id,
      value,
      'aria-describedby': `source-${id}`,
    });
    input.checked = value === selected;
    const option = el('label', { class: 'choice' });
    option.append(input, ` ${text}`);
    choices.append(option);
  }
  fieldset.append(legend, source, choices);
  const reasonItem = (question.item ?? []).find((child) => child.type === 'string');
  if (reasonItem && recordSaysPresent(state)) {
    const box = el('div', { class: 'reason', id: `reason-box-${id}`, hidden: '' });
    const area = el('textarea', {
      id: `reason-${id}`,
      rows: '2',
      'aria-describedby': `reason-note-${id} reason-error-${id}`,
    });
    box.append(
      el('label', { for: `reason-${id}` }, reasonItem.text),
      area,
      el(
        'p',
        { class: 'hint', id: `reason-note-${id}` },
        'The record still counts for the score; your answer and reason are saved so the record can be corrected.',
      ),
      el('p', { class: 'field-error', id: `reason-error-${id}`, hidden: '' }, 'Give a reason.'),
    );
    fieldset.append(box);
    const toggle = () => {
      box.hidden = fieldset.querySelector(`input[name="${id}"]:checked`)?.value !== 'false';
    };
    choices.addEventListener('change', toggle);
    toggle();
  }
  return fieldset;
}

/**
 * Renders every boolean item of the Questionnaire.
 * @param {HTMLElement} container
 * @param {object} questionnaire
 * @param {object} breakdown - the service's `wells` value (items by linkId)
 * @param {(ref: string) => string} label - names a resource for display
 */
export function renderForm(container, questionnaire, breakdown, label) {
  container.replaceChildren(
    ...(questionnaire.item ?? [])
      .filter((question) => question.type === 'boolean')
      .map((question) => renderItem(question, breakdown.items?.[question.linkId], label)),
  );
}

/**
 * Reads the answers. Answering No against the record without a reason is an error on that item.
 * @returns {{answers: Map<string, boolean>, reasons: Map<string, string>, missingReasons: string[]}}
 */
export function readForm(container) {
  const answers = new Map();
  const reasons = new Map();
  const missingReasons = [];
  for (const fieldset of container.querySelectorAll('fieldset.item')) {
    const id = fieldset.dataset.linkId;
    const value = fieldset.querySelector(`input[name="${id}"]:checked`)?.value ?? '';
    if (value !== '') {
      answers.set(id, value === 'true');
    }
    const area = fieldset.querySelector('textarea');
    const needsReason = area && value === 'false';
    const reason = needsReason ? area.value.trim() : '';
    if (area) {
      const missing = needsReason && reason === '';
      area.setAttribute('aria-invalid', String(missing));
      fieldset.querySelector('.reason .field-error').hidden = !missing;
      if (missing) {
        missingReasons.push(id);
      } else if (reason) {
        reasons.set(id, reason);
      }
    }
  }
  return { answers, reasons, missingReasons };
}
