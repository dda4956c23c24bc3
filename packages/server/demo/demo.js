/* global document, fetch, crypto, URLSearchParams */
// Soleus demo page: acts as a tiny EHR. It builds a spec-shaped CDS Hooks request from a synthetic
// sample patient (every discovery prefetch key filled from the bundle, or null when the bundle has no
// such data), POSTs it to the real /cds-services/{id} endpoint and renders the cards. Accepting a
// suggestion or dismissing a card POSTs real CDS Hooks feedback to /cds-services/{id}/feedback and
// shows the service's feedback summary. Hand-written, no build step, no dependencies. Untrusted text
// reaches the DOM only as textContent, or through renderMarkdown, which escapes HTML before adding
// its own tags.
'use strict';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const DRAFT_ID = 'demo-draft-1';

/**
 * Orderable drugs with a usual dose: RxNorm SCD codes and names exactly as the CDS Hooks sandbox
 * medication list has them (packages/fhir/test/fixtures/rxnorm), all in the shipped medication index.
 */
const DRUGS = [
  { code: '197806', name: 'Ibuprofen 600 MG Oral Tablet', unit: 'tablet', perDay: 3 },
  { code: '198014', name: 'Naproxen 500 MG Oral Tablet', unit: 'tablet', perDay: 2 },
  { code: '198440', name: 'Acetaminophen 500 MG Oral Tablet', unit: 'tablet', perDay: 4 },
  { code: '997010', name: 'Quinine Sulfate 324 MG Oral Capsule', unit: 'capsule', perDay: 1 },
  { code: '310431', name: 'gabapentin 300 MG Oral Capsule', unit: 'capsule', perDay: 3 },
];
const UCUM_FORM = { tablet: '{tbl}', capsule: '{cap}' };

const state = { patients: [], services: new Map(), serviceId: null };

function byId(id) {
  return document.getElementById(id);
}

function authHeaders() {
  const token = byId('token').value.trim();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() } });
  if (!res.ok) {
    throw new Error(`GET ${url} answered ${res.status}`);
  }
  return res.json();
}

function setStatus(text, isError) {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('status--error', Boolean(isError));
}

// ---------- request building ----------

function resourcesOf(bundle) {
  return (bundle.entry || []).map((e) => e.resource).filter(Boolean);
}

function selectedHook() {
  return document.querySelector('input[name="hook"]:checked').value;
}

/** Keeps the resources a prefetch query would return: type, status (a comma is OR), code tokens. */
function matchQuery(resources, type, query) {
  const params = new URLSearchParams(query);
  const status = params.get('status');
  const statuses = status ? new Set(status.split(',')) : null;
  const codes = params.get('code');
  const tokens = codes ? new Set(codes.split(',')) : null;
  return resources.filter((r) => {
    if (r.resourceType !== type || (statuses && !statuses.has(r.status))) {
      return false;
    }
    const codings = (r.code && r.code.coding) || [];
    return !tokens || codings.some((c) => tokens.has(`${c.system || ''}|${c.code || ''}`));
  });
}

/** Resolves one prefetch template against the sample bundle, as an EHR's FHIR server would. */
function prefetchValue(template, resources) {
  const [path, query = ''] = template.split('?');
  if (!template.includes('?')) {
    const type = path.split('/')[0];
    return resources.find((r) => r.resourceType === type) || null;
  }
  const found = matchQuery(resources, path, query);
  if (found.length === 0) {
    return null;
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.length,
    entry: found.map((resource) => ({
      fullUrl: `${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

function draftOrder(drug, patientId) {
  return {
    resourceType: 'MedicationRequest',
    id: DRAFT_ID,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: drug.code, display: drug.name }],
      text: drug.name,
    },
    subject: { reference: `Patient/${patientId}` },
    dosageInstruction: [
      {
        text: `1 ${drug.unit} ${drug.perDay} time(s) per 1 d`,
        timing: { repeat: { frequency: drug.perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: 1, unit: drug.unit, system: UCUM, code: UCUM_FORM[drug.unit] } },
        ],
      },
    ],
  };
}

function hookContext(hook, patientId) {
  const context = { userId: 'Practitioner/demo-clinician', patientId };
  if (hook === 'patient-view') {
    return context;
  }
  const drug = DRUGS.find((d) => d.code === byId('drug').value) || DRUGS[0];
  const order = draftOrder(drug, patientId);
  context.draftOrders = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ fullUrl: `MedicationRequest/${DRAFT_ID}`, resource: order }],
  };
  if (hook === 'order-select') {
    context.selections = [`MedicationRequest/${DRAFT_ID}`];
  }
  return context;
}

function newUuid() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The CDS Hooks request for a hook and a sample bundle. */
function buildRequest(service, bundle) {
  const resources = resourcesOf(bundle);
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const patientId = patient ? patient.id : 'unknown';
  const prefetch = {};
  for (const [key, template] of Object.entries(service.prefetch || {})) {
    prefetch[key] = prefetchValue(template, resources);
  }
  return {
    hook: service.hook,
    hookInstance: newUuid(),
    context: hookContext(service.hook, patientId),
    prefetch,
  };
}

// ---------- markdown ----------

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Inline markdown on already-escaped text: code, links (http/https only), bold, italic. */
function renderInline(escaped) {
  const codes = [];
  let out = escaped.replace(/`([^`]+)`/g, (_m, code) => {
    codes.push(`<code>${code}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  out = out.replace(
    /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
    '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>',
  );
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/(^|[^*\w])[*_]([^*_]+)[*_](?=[^*\w]|$)/g, '$1<em>$2</em>');
  // eslint-disable-next-line no-control-regex
  return out.replace(/\u0000(\d+)\u0000/g, (_m, i) => codes[Number(i)]);
}

/**
 * A small safe markdown renderer: escapes HTML first, then paragraphs, bullet and numbered lists
 * and inline code/links/bold/italic. Its output is the only HTML the page inserts.
 */
function renderMarkdown(markdown) {
  const blocks = [];
  let list = null;
  const close = () => {
    if (list) {
      blocks.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
      list = null;
    }
  };
  for (const raw of escapeHtml(markdown).split('\n')) {
    const line = raw.trim();
    const item = /^(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (item) {
      const tag = item[1] ? 'ul' : 'ol';
      if (!list || list.tag !== tag) {
        close();
        list = { tag, items: [] };
      }
      list.items.push(renderInline(item[3]));
    } else {
      close();
      if (line) {
        blocks.push(`<p>${renderInline(line.replace(/^#+\s*/, ''))}</p>`);
      }
    }
  }
  close();
  return blocks.join('');
}

// ---------- card rendering ----------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function isWebUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

// ---------- feedback ----------

/** Posts one CDS Hooks feedback item for the current service, then refreshes the summary. */
async function sendFeedback(item, outcome, said) {
  const url = `/cds-services/${encodeURIComponent(state.serviceId)}/feedback`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify({ feedback: [{ ...item, outcomeTimestamp: new Date().toISOString() }] }),
  });
  if (!res.ok) {
    outcome.textContent = `${said} The service refused the feedback (HTTP ${res.status}).`;
    outcome.classList.add('status--error');
    return;
  }
  outcome.textContent = `${said} Feedback recorded by the service.`;
  await showFeedbackSummary();
}

/** Shows the service's accept/override counts per card (GET …/feedback/summary). */
async function showFeedbackSummary() {
  if (!state.serviceId) {
    return;
  }
  const summary = await getJson(
    `/cds-services/${encodeURIComponent(state.serviceId)}/feedback/summary`,
  );
  const rows = (summary.rules || []).filter(
    (r) => r.cardsIssued > 0 || r.accepted + r.overridden > 0,
  );
  const body = byId('feedback-summary').querySelector('tbody');
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = el('tr');
      tr.dataset.ruleId = r.ruleId;
      tr.append(
        el('td', '', r.ruleId),
        el('td', 'num', String(r.cardsIssued)),
        el('td', 'num', String(r.accepted)),
        el('td', 'num', String(r.overridden)),
      );
      return tr;
    }),
  );
  byId('feedback-summary').hidden = rows.length === 0;
  const given = rows.reduce((n, r) => n + r.accepted + r.overridden, 0);
  byId('feedback-status').textContent =
    `Feedback summary of ${state.serviceId}: ${given} card(s) with feedback.`;
}

function renderSuggestions(card, actions, outcome) {
  for (const suggestion of card.suggestions || []) {
    const button = el('button', suggestion.isRecommended ? 'is-recommended' : '', suggestion.label);
    button.type = 'button';
    button.dataset.suggestionId = suggestion.uuid || '';
    button.addEventListener('click', () => {
      actions.querySelectorAll('button, select').forEach((b) => (b.disabled = true));
      const said = `Accepted "${suggestion.label}" (demo: nothing is ordered).`;
      outcome.textContent = `${said} Sending feedback…`;
      const item = {
        card: card.uuid,
        outcome: 'accepted',
        acceptedSuggestions: [{ id: suggestion.uuid }],
      };
      sendFeedback(item, outcome, said).catch((err) => {
        outcome.textContent = `${said} Feedback not sent: ${err.message || err}`;
      });
    });
    actions.append(button);
  }
}

function renderOverride(card, actions, outcome) {
  const reasons = card.overrideReasons || [];
  const wrap = el('span', 'card__override');
  const select = el('select');
  select.setAttribute('aria-label', 'Override reason');
  select.append(el('option', '', reasons.length ? 'Override reason…' : 'No reason needed'));
  for (const reason of reasons) {
    const option = el('option', '', reason.display || reason.code);
    option.value = reason.code;
    select.append(option);
  }
  const dismiss = el('button', '', 'Dismiss');
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => {
    const reason = select.selectedIndex > 0 ? reasons[select.selectedIndex - 1] : undefined;
    const said = `Overridden (reason: ${reason ? reason.display || reason.code : 'none'}).`;
    outcome.textContent = `${said} Sending feedback…`;
    actions.querySelectorAll('button, select').forEach((b) => (b.disabled = true));
    const item = {
      card: card.uuid,
      outcome: 'overridden',
      ...(reason
        ? { overrideReason: { reason: { system: reason.system, code: reason.code } } }
        : {}),
    };
    sendFeedback(item, outcome, said).catch((err) => {
      outcome.textContent = `${said} Feedback not sent: ${err.message || err}`;
    });
  });
  if (reasons.length) {
    wrap.append(select);
  }
  wrap.append(dismiss);
  actions.append(wrap);
}

function renderLinks(card, node) {
  const links = (card.links || []).filter((l) => isWebUrl(l.url));
  if (links.length === 0) {
    return;
  }
  const list = el('ul', 'card__links');
  for (const link of links) {
    const a = el('a', '', link.label);
    a.href = link.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    const li = el('li');
    li.append(a);
    if (link.type === 'smart') {
      li.append(document.createTextNode(' (SMART app)'));
    }
    list.append(li);
  }
  node.append(list);
}

function renderSource(card, node) {
  const source = card.source || {};
  const line = el('p', 'card__source', 'Source: ');
  if (isWebUrl(source.url)) {
    const a = el('a', '', source.label);
    a.href = source.url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    line.append(a);
  } else {
    line.append(document.createTextNode(source.label || 'unknown'));
  }
  if (source.topic && source.topic.code) {
    line.append(document.createTextNode(` · ${source.topic.code}`));
  }
  node.append(line);
}

function renderCard(card) {
  const indicator = ['info', 'warning', 'critical'].includes(card.indicator)
    ? card.indicator
    : 'info';
  const node = el('article', `card card--${indicator}`);
  node.dataset.cardId = (card.source && card.source.topic && card.source.topic.code) || '';
  node.dataset.indicator = indicator;
  const head = el('div', 'card__head');
  head.append(el('span', 'card__indicator', indicator), el('h3', 'card__summary', card.summary));
  node.append(head);
  if (card.detail) {
    const detail = el('div', 'card__detail');
    detail.innerHTML = renderMarkdown(card.detail); // escaped inside renderMarkdown
    node.append(detail);
  }
  renderLinks(card, node);
  const actions = el('div', 'card__actions');
  const outcome = el('p', 'card__outcome');
  renderSuggestions(card, actions, outcome);
  renderOverride(card, actions, outcome);
  node.append(actions, outcome);
  renderSource(card, node);
  return node;
}

function renderCards(cards) {
  const container = byId('cards');
  container.replaceChildren();
  if (cards.length === 0) {
    container.append(el('p', 'empty', 'No cards: the service has nothing to say for this call.'));
    return;
  }
  const order = { critical: 0, warning: 1, info: 2 };
  const sorted = [...cards].sort((a, b) => (order[a.indicator] ?? 3) - (order[b.indicator] ?? 3));
  container.append(...sorted.map(renderCard));
}

// ---------- wiring ----------

function showExchange(url, request, status, response) {
  byId('request-url').textContent = `POST ${url}`;
  byId('request-json').textContent = JSON.stringify(request, null, 2);
  byId('response-status').textContent = status ? `HTTP ${status}` : '';
  byId('response-json').textContent = JSON.stringify(response, null, 2);
}

async function callService(event) {
  event.preventDefault();
  document.body.dataset.state = 'calling';
  const hook = selectedHook();
  if (state.services.size === 0) {
    await loadDiscovery();
  }
  const service = state.services.get(hook);
  if (!service) {
    setStatus(`The service offers no ${hook} hook (see GET /cds-services).`, true);
    return;
  }
  setStatus('Calling…');
  const bundle = await getJson(`/demo/patients/${encodeURIComponent(byId('patient').value)}`);
  const request = buildRequest(service, bundle);
  const url = `/cds-services/${service.id}`;
  state.serviceId = service.id;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify(request),
  });
  const body = await res.json().catch(() => ({}));
  showExchange(url, request, res.status, body);
  if (!res.ok) {
    renderCards([]);
    setStatus(`The service answered HTTP ${res.status}; see the response JSON.`, true);
    return;
  }
  renderCards(body.cards || []);
  setStatus(`HTTP ${res.status}: ${(body.cards || []).length} card(s) from ${service.id}.`);
  // On a phone the cards sit below the form: bring them into view and move focus to them.
  const heading = byId('cards-title');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  await showFeedbackSummary().catch(() => undefined);
  document.body.dataset.state = 'done';
}

function onPatientChange() {
  const patient = state.patients.find((p) => p.id === byId('patient').value);
  if (!patient) {
    return;
  }
  byId('scenario').textContent = patient.scenario;
  document.querySelector(`input[name="hook"][value="${patient.hook}"]`).checked = true;
  if (patient.drug) {
    byId('drug').value = patient.drug;
  }
  onHookChange();
}

function onHookChange() {
  byId('drug-row').hidden = selectedHook() === 'patient-view';
}

async function loadDiscovery() {
  const discovery = await getJson('/cds-services');
  state.services = new Map(discovery.services.map((s) => [s.hook, s]));
}

async function start() {
  for (const drug of DRUGS) {
    const option = el('option', '', drug.name);
    option.value = drug.code;
    byId('drug').append(option);
  }
  state.patients = await getJson('/demo/patients');
  for (const patient of state.patients) {
    const option = el('option', '', patient.label);
    option.value = patient.id;
    byId('patient').append(option);
  }
  byId('patient').addEventListener('change', onPatientChange);
  byId('hooks').addEventListener('change', onHookChange);
  byId('controls').addEventListener('submit', (event) => {
    callService(event).catch((err) => setStatus(String(err.message || err), true));
  });
  onPatientChange();
  await loadDiscovery().catch((err) => setStatus(`${err.message}; set a bearer token?`, true));
  document.body.dataset.state = 'ready';
}

start().catch((err) => setStatus(String(err.message || err), true));
