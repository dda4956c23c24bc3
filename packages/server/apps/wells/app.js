/* global FHIR, document, crypto */
// The Wells DVT assessment SMART app. After the SMART launch it reads the record the Soleus
// patient-view service evaluates (with the app's own token), asks the service to evaluate it, renders
// the shipped Questionnaire pre-filled with what the record says (and where from), writes the
// clinician's QuestionnaireResponse to the EHR, reads the record again and shows the Wells class and
// the next step as the service computes them. Untrusted text reaches the page only as textContent.
import { buildResponse, describe, getJson, postJson, readRecord } from './smart-data.js';
import { readForm, renderForm } from './wells-form.js';

const $ = (id) => document.getElementById(id);
const session = {};

function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('status--error', isError);
  status.setAttribute('role', isError ? 'alert' : 'status');
}

function fail(text) {
  setStatus(text, true);
  document.body.dataset.state = 'error';
}

function parseAppContext(raw) {
  if (typeof raw !== 'string') {
    return {};
  }
  try {
    const value = JSON.parse(raw);
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function patientLine(resources, patientId, episodeStart) {
  const patient = resources.get(`Patient/${patientId}`);
  const name = patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ') ?? '';
  const parts = [text || `Patient ${patientId}`];
  if (patient?.birthDate) {
    parts.push(`born ${patient.birthDate}`);
  }
  if (typeof episodeStart === 'string') {
    parts.push(`calf-pain episode since ${episodeStart.slice(0, 10)}`);
  }
  return parts.join(' · ');
}

async function evaluate() {
  const record = await readRecord(session.client, session.queries);
  const body = {
    hook: 'patient-view',
    hookInstance: crypto.randomUUID(),
    context: session.context,
    prefetch: record.prefetch,
  };
  return { record, evaluation: await postJson('evaluate', body) };
}

const CLASS_TEXT = {
  likely: 'DVT likely (Wells 2 or more)',
  unlikely: 'DVT unlikely (Wells 1 or less)',
  indeterminate: 'Wells incomplete: unanswered items could change the class',
};

function showResult(evaluation, resources) {
  const wells = evaluation.wells;
  const score = wells.min === wells.max ? `${wells.min}` : `${wells.min} to ${wells.max}`;
  $('wells-class').textContent =
    `${CLASS_TEXT[wells.wellsClass] ?? wells.wellsClass}. Score ${score}.`;
  const next = $('next-step');
  next.replaceChildren();
  for (const card of evaluation.cards) {
    const article = document.createElement('article');
    article.className = `card card--${card.indicator}`;
    article.dataset.cardId = card.id;
    const heading = document.createElement('h3');
    heading.textContent =
      card.id === evaluation.decision ? `Next step: ${card.summary}` : card.summary;
    const detail = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Why';
    const text = document.createElement('p');
    text.className = 'card__detail';
    text.textContent = card.detail ?? '';
    detail.append(summary, text);
    article.append(heading, detail);
    next.append(article);
  }
  const notes = $('notes');
  notes.replaceChildren();
  for (const [linkId, item] of Object.entries(wells.items ?? {})) {
    if (item.conflict) {
      const li = document.createElement('li');
      const names = item.resources.map((ref) => describe(resources, ref)).join('; ');
      const question = session.questionnaire.item.find((q) => q.linkId === linkId);
      li.textContent = `${question?.prefix ?? ''} ${question?.text ?? linkId}: you answered No, but the record documents it (${names}). The record still counts; your reason is saved for whoever corrects the record.`;
      notes.append(li);
    }
  }
  for (const key of evaluation.missing ?? []) {
    const li = document.createElement('li');
    li.textContent = `Record data "${key}" could not be read: it counts as unknown, never as normal.`;
    notes.append(li);
  }
  $('result').hidden = false;
  $('result-title').focus();
}

async function save(event) {
  event.preventDefault();
  const form = readForm($('items'));
  const error = $('form-error');
  if (form.missingReasons.length > 0) {
    error.textContent = 'Give a reason for each item you answered No against the record.';
    error.hidden = false;
    document.getElementById(`reason-${form.missingReasons[0]}`).focus();
    return;
  }
  error.hidden = true;
  $('save').disabled = true;
  setStatus('Saving the assessment to the record…');
  try {
    const response = buildResponse(session.questionnaire, form, {
      patientId: session.context.patientId,
      encounterId: session.context.encounterId,
      author: session.author,
      authored: new Date().toISOString(),
    });
    await session.client.create(response);
    setStatus('Saved. Reading the record again…');
    const { record, evaluation } = await evaluate();
    $('wells-form').hidden = true;
    showResult(evaluation, record.resources);
    setStatus('Saved to the record.');
    document.body.dataset.state = 'done';
  } catch {
    $('save').disabled = false;
    fail(
      'The assessment could not be saved or evaluated. Nothing was lost on this page: try again.',
    );
  }
}

async function start() {
  const client = await FHIR.oauth2.ready();
  const patientId = client.patient.id;
  if (!patientId) {
    fail('The EHR did not say which patient this is; open the app from the patient’s chart.');
    return;
  }
  const appContext = parseAppContext(client.state.tokenResponse?.appContext);
  if (appContext.patientId && appContext.patientId !== patientId) {
    fail(
      'The card that opened this app was for another patient. Close it and reopen it from the chart.',
    );
    return;
  }
  const fhirUser = client.getFhirUser?.() ?? undefined;
  const encounterId = client.encounter.id ?? appContext.encounterId;
  session.client = client;
  session.author = fhirUser ?? undefined;
  session.context = {
    userId: fhirUser ?? 'Practitioner/unknown',
    patientId,
    ...(encounterId ? { encounterId } : {}),
  };
  const config = await getJson('config.json');
  session.questionnaire = await getJson(config.questionnaire.href);
  session.queries = (await postJson('queries', { context: session.context })).queries;
  const { record, evaluation } = await evaluate();
  $('context-line').textContent = patientLine(record.resources, patientId, evaluation.episodeStart);
  if (!evaluation.wells) {
    setStatus('No calf-pain episode is open for this patient: the Wells score is not used now.');
    document.body.dataset.state = 'no-episode';
    return;
  }
  $('form-intro').textContent = session.questionnaire.description ?? '';
  renderForm($('items'), session.questionnaire, evaluation.wells, (ref) =>
    describe(record.resources, ref),
  );
  $('wells-form').hidden = false;
  $('wells-form').addEventListener('submit', save);
  setStatus('Answer the bedside items; items found in the record are pre-filled.');
  document.body.dataset.state = 'ready';
}

start().catch(() => fail('The app could not start. Close it and open it again from the card.'));
