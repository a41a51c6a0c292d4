// The zkcluster dashboard: batches with per-round progress, workers, queue depth and recent events.
// Live updates come from the server-sent events of /v1/events; /v1/cluster and /v1/queue-report are polled.
"use strict";

const REFRESH_MS = 3000;
const MAX_EVENTS = 100;
const BATCH_REFRESH_MS = 250;
const SIDE_REFRESH_MS = 500;
const batches = new Map();

// A finished batch is shown as "proven": its final proof exists and verifies against the version's key.
function shownState(state) {
  return state === "done" ? "proven" : state;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child == null ? "" : String(child)));
  }
  return node;
}

async function fetchJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

function roundBars(rounds) {
  const box = el("div");
  for (const r of rounds || []) {
    const pct = r.total > 0 ? Math.round(100 * r.proven / r.total) : 0;
    const fill = el("div", { class: r.total > 0 && r.proven === r.total ? "complete" : "", style: "width:" + pct + "%" });
    box.append(el("div", { class: "round", "data-round": r.round },
      el("span", {}, r.round + " " + r.name),
      el("div", { class: "bar" }, fill),
      el("span", {}, r.proven + "/" + r.total + (r.failed ? " (" + r.failed + " failed)" : ""))));
  }
  return box;
}

function seconds(ms) {
  return ms == null ? "" : (ms / 1000).toFixed(1) + " s";
}

function renderBatches() {
  const body = document.querySelector("#batches tbody");
  const rows = [...batches.values()].sort((a, b) => b.batchNumber - a.batchNumber);
  body.replaceChildren(...rows.map(b => {
    const state = shownState(b.state);
    return el("tr", { id: "batch-" + b.batchNumber, "data-state": state },
      el("td", {}, b.batchNumber),
      el("td", {}, b.protocolVersion),
      el("td", { class: "state state-" + state }, state, b.error ? el("div", { class: "error" }, b.error) : ""),
      el("td", {}, roundBars(b.rounds)),
      el("td", {}, seconds((b.timingsMillis || {}).total)));
  }));
  document.getElementById("batches-empty").style.display = rows.length ? "none" : "";
}

async function refreshBatches() {
  const list = await fetchJson("/v1/batches");
  batches.clear();
  for (const b of list) batches.set(b.batchNumber, b);
  renderBatches();
}

// Many job events arrive for one batch while it proves; its status is fetched at most once per interval.
const pendingBatches = new Set();
function scheduleBatchRefresh(n) {
  if (pendingBatches.has(n)) return;
  pendingBatches.add(n);
  setTimeout(() => { pendingBatches.delete(n); refreshBatch(n); }, BATCH_REFRESH_MS);
}

// A transition usually changes the workers and queues too; they are fetched again soon after, once per interval.
let sidePending = false;
function scheduleSideRefresh() {
  if (sidePending) return;
  sidePending = true;
  setTimeout(() => {
    sidePending = false;
    refreshCluster().catch(() => {});
    refreshQueues().catch(() => {});
  }, SIDE_REFRESH_MS);
}

async function refreshBatch(n) {
  try {
    batches.set(n, await fetchJson("/v1/batches/" + n));
    renderBatches();
  } catch (e) {
    // the next full refresh catches up
  }
}

async function refreshCluster() {
  const view = await fetchJson("/v1/cluster");
  document.querySelector("#workers tbody").replaceChildren(...view.workers.map(w =>
    el("tr", {},
      el("td", {}, w.node),
      el("td", {}, w.device + (w.deviceName ? " (" + w.deviceName + ")" : "")
          + (w.deviceMemoryBytes ? ", " + (w.deviceMemoryBytes / 1073741824).toFixed(1) + " GiB" : "")),
      el("td", {}, w.group),
      el("td", { class: w.state }, w.state),
      el("td", {}, w.currentJob || ""))));
  document.getElementById("members").textContent =
    "Members: " + view.members.map(m => m.address + " [" + m.roles.join(", ") + "] " + m.status).join("; ");
}

async function refreshQueues() {
  const report = await fetchJson("/v1/queue-report");
  document.querySelector("#queues tbody").replaceChildren(...report.queues.map(q =>
    el("tr", {}, el("td", {}, q.round), el("td", {}, q.circuit), el("td", {}, q.protocolVersion),
      el("td", {}, q.queued), el("td", {}, q.proving))));
}

function addEvent(e) {
  const list = document.getElementById("events");
  const when = new Date(e.atMillis).toLocaleTimeString();
  list.prepend(el("li", {}, when + " " + e.kind + " " + e.id + " → " + e.state + (e.detail ? " (" + e.detail + ")" : "")));
  while (list.children.length > MAX_EVENTS) list.lastChild.remove();
}

function setConnection(text, cls) {
  const badge = document.getElementById("connection");
  badge.textContent = text;
  badge.className = "badge " + cls;
}

function connectEvents() {
  const source = new EventSource("/v1/events");
  source.onopen = () => setConnection("live", "live");
  source.onerror = () => setConnection("reconnecting", "down");
  const onEvent = message => {
    const e = JSON.parse(message.data);
    addEvent(e);
    scheduleBatchRefresh(e.batchNumber);
    scheduleSideRefresh();
  };
  source.addEventListener("batch", onEvent);
  source.addEventListener("job", onEvent);
}

async function refreshAll() {
  const results = await Promise.allSettled([refreshBatches(), refreshCluster(), refreshQueues()]);
  const failed = results.filter(r => r.status === "rejected").length;
  document.getElementById("updated").textContent =
    (failed ? "partly updated " : "updated ") + new Date().toLocaleTimeString();
}

connectEvents();
refreshAll();
setInterval(refreshAll, REFRESH_MS);
