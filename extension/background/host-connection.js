// The one native-messaging port to the kefuguard host: request ids, pipelining, per-request
// timeouts, reconnect with backoff when the host exits, and a plain state for the UI
// ("missing" when the browser cannot find the host manifest).

export const HOST_NAME = "org.kefuguard.host";

export class HostError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "HostError";
    this.code = code;
  }
}

// How long to wait for the reply to each request type (each must be a type of the host's file).
// send_evidence: the host posts the file to the organisation's endpoint and waits for its answer.
export const TIMEOUTS_MS = Object.freeze({ check_url: 8000, check_page: 8000, check_chat: 15000, status: 8000, update: 120000, send_evidence: 90000 });

// Requests that are not sent again on a new port when the host exits after getting them: a check
// can be repeated, but a file sent twice would reach the organisation twice.
const NOT_REPEATED = new Set(["send_evidence"]);

// The host's message vocabulary: common/host-messages.json, a byte-for-byte copy of the host's
// protocol/messages.json (tests/protocol/test_messages.py fails when they differ). The request
// types, their fields and the host's limits come from there. Read with fetch: a JSON module import
// is not in Firefox 128. Callers await loadHostMessages() before their first request.
export const HOST_MESSAGES_PATH = "common/host-messages.json";

// the field types the file uses: "string", "string?" (optional), "integer|string|null" (either)
const FIELD_TYPES = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === "boolean",
  array: (v) => Array.isArray(v),
  object: (v) => v !== null && typeof v === "object" && !Array.isArray(v),
  null: (v) => v === null,
};

let hostMessages = null; // the checked file, once loaded
let hostMessagesLoading = null;

function fieldSpec(type, field, spec) {
  if (typeof spec !== "string") {
    throw new Error(`${HOST_MESSAGES_PATH}: ${type}.${field} has no type`);
  }
  const optional = spec.endsWith("?");
  const names = spec.replace(/\?$/, "").split("|");
  const unknown = names.filter((n) => !Object.hasOwn(FIELD_TYPES, n));
  if (unknown.length) {
    throw new Error(`${HOST_MESSAGES_PATH}: ${type}.${field} has an unknown type ${unknown.join("|")}`);
  }
  return Object.freeze({ optional, check: (v) => names.some((n) => FIELD_TYPES[n](v)) });
}

/** The parsed host-messages.json as the connection uses it; throws when it cannot be used. */
export function parseHostMessages(json) {
  if (!json || typeof json.requests !== "object" || typeof json.limits !== "object") {
    throw new Error(`${HOST_MESSAGES_PATH}: no "requests" or "limits"`);
  }
  const requests = new Map();
  for (const [type, spec] of Object.entries(json.requests)) {
    const fields = new Map();
    for (const [field, fieldType] of Object.entries((spec && spec.fields) || {})) {
      fields.set(field, fieldSpec(type, field, fieldType));
    }
    requests.set(type, fields);
  }
  const untimed = Object.keys(TIMEOUTS_MS).filter((type) => !requests.has(type));
  if (untimed.length) {
    throw new Error(`${HOST_MESSAGES_PATH}: the host has no request type ${untimed.join(", ")}`);
  }
  return Object.freeze({ requests, limits: Object.freeze({ ...json.limits }) });
}

/** Load (once) and check common/host-messages.json; resolves with what parseHostMessages() gives. */
export function loadHostMessages(runtime) {
  if (!hostMessagesLoading) {
    hostMessagesLoading = fetch(runtime.getURL(HOST_MESSAGES_PATH))
      .then((response) => response.json())
      .then(parseHostMessages)
      .then((parsed) => (hostMessages = parsed));
    hostMessagesLoading.catch(() => {
      hostMessagesLoading = null; // a later call tries again
    });
  }
  return hostMessagesLoading;
}

/** null when the host's file describes `message` ({type, ...fields}), else why not. */
export function hostRequestProblem(message) {
  if (!hostMessages) {
    return `${HOST_MESSAGES_PATH} is not loaded yet`;
  }
  const fields = hostMessages.requests.get(message.type);
  if (!fields) {
    return `the host has no request type ${String(message.type).slice(0, 40)}`;
  }
  for (const key of Object.keys(message)) {
    if (key !== "type" && !fields.has(key)) {
      return `${message.type} has no field ${key.slice(0, 40)}`;
    }
  }
  for (const [key, spec] of fields) {
    if (message[key] === undefined ? !spec.optional : !spec.check(message[key])) {
      return `${message.type}: bad or missing field ${key}`;
    }
  }
  return null;
}

const BACKOFF_FIRST_MS = 200;
const BACKOFF_MAX_MS = 30000;
const MISSING_RETRY_MS = 5000; // a missing host is looked for again at most this often
const HUNG_AFTER_TIMEOUTS = 3; // consecutive timeouts on a live port: restart the host
const LATENCY_SAMPLES = 5000;

/** Map a disconnect message (Chrome's lastError, Firefox's port.error) to a state. */
export function classifyDisconnect(message) {
  const m = (message || "").toLowerCase();
  if (m.includes("not found") || m.includes("no such native application")) {
    return "missing";
  }
  // Chromium's NativeMessagingBlocklist: "Access to the native messaging host was disabled by the
  // system administrator." (not an exit: starting it again cannot help)
  if (m.includes("forbidden") || m.includes("not allowed") || m.includes("disabled by the system administrator")) {
    return "forbidden";
  }
  if (m.includes("failed to start")) {
    return "failed";
  }
  // "Native host has exited.", "Error when communicating with the native messaging host.", or none
  return "exited";
}

export class HostConnection {
  /**
   * @param {object} runtime  chrome.runtime / browser.runtime
   * @param {(state: string, detail: string) => void} onStateChange
   */
  constructor(runtime, onStateChange = () => {}) {
    this.runtime = runtime;
    this.onStateChange = onStateChange;
    this.state = "idle";
    this.detail = ""; // the browser's last disconnect message, shown to the user as is
    this.port = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {message, resolve, reject, timer, sentAt, retried}
    this.queued = []; // ids waiting for a reconnect
    this.failures = 0;
    this.retryAt = 0;
    this.reconnectTimer = null;
    this.consecutiveTimeouts = 0;
    this.hadReply = false;
    this.connects = 0;
    this.latency = {}; // type -> ring of round-trip milliseconds
  }

  setState(state, detail = this.detail) {
    if (state !== this.state || detail !== this.detail) {
      this.state = state;
      this.detail = detail;
      this.onStateChange(state, detail);
    }
  }

  /**
   * Send `message` ({type, ...fields}, as the host's file describes it; the connection adds the id).
   * Resolves with the host's `result`, rejects with a HostError ("bad_request" when the file does
   * not describe the message: it is not sent).
   */
  request(message, timeoutMs = TIMEOUTS_MS[message.type] || 10000) {
    const problem = hostRequestProblem(message);
    if (problem) {
      return Promise.reject(new HostError("bad_request", problem));
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const entry = { message: { ...message, id }, resolve, reject, timer: null, sentAt: 0, retried: false };
      entry.timer = setTimeout(() => this.timeOut(id), timeoutMs);
      this.pending.set(id, entry);
      if (this.port) {
        this.send(id);
        return;
      }
      const now = Date.now();
      if ((this.state === "missing" || this.state === "forbidden" || this.state === "failed") && now < this.retryAt) {
        this.settle(id, new HostError("host_" + this.state, this.detail));
        return;
      }
      this.queued.push(id);
      if (now >= this.retryAt) {
        this.connect();
      } else {
        this.scheduleReconnect(this.retryAt - now);
      }
    });
  }

  /** Forget backoff and look for the host again now (the popup's "retry" button). */
  retryNow() {
    this.retryAt = 0;
    this.failures = 0;
    if (!this.port) {
      this.connect();
    }
  }

  connect() {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    let port;
    try {
      port = this.runtime.connectNative(HOST_NAME);
    } catch (e) {
      // Firefox throws here when the permission is missing; Chrome reports through onDisconnect
      this.handleDisconnect(null, String(e && e.message ? e.message : e));
      return;
    }
    this.port = port;
    this.connects++;
    this.hadReply = false;
    this.setState("connecting", "");
    port.onMessage.addListener((reply) => this.onReply(port, reply));
    port.onDisconnect.addListener((p) => {
      const lastError = this.runtime.lastError; // read it, or Chrome logs it as unchecked
      const message = (p && p.error && p.error.message) || (lastError && lastError.message) || "";
      this.handleDisconnect(port, message);
    });
    const waiting = this.queued;
    this.queued = [];
    for (const id of waiting) {
      this.send(id);
    }
  }

  send(id) {
    const entry = this.pending.get(id);
    if (!entry) {
      return;
    }
    entry.sentAt = performance.now();
    try {
      this.port.postMessage(entry.message);
    } catch (e) {
      // the port died between connect and now: onDisconnect follows and requeues
      this.queued.push(id);
    }
  }

  onReply(port, reply) {
    if (port !== this.port) {
      return;
    }
    if (reply === null || typeof reply !== "object" || !("id" in reply)) {
      return; // not ours to answer: the host sends nothing but replies
    }
    const entry = this.pending.get(reply.id);
    if (!entry) {
      return; // a late reply to a request that already timed out
    }
    this.hadReply = true;
    this.failures = 0;
    this.consecutiveTimeouts = 0;
    if (this.state !== "connected") {
      this.setState("connected", "");
    }
    this.recordLatency(entry.message.type, performance.now() - entry.sentAt);
    if (reply.ok === true && reply.result !== null && typeof reply.result === "object") {
      this.settle(reply.id, null, reply.result);
    } else if (reply.ok === false && reply.error && typeof reply.error.code === "string") {
      this.settle(reply.id, new HostError(reply.error.code, String(reply.error.message || "")));
    } else {
      this.settle(reply.id, new HostError("bad_reply", "the host sent a malformed reply"));
    }
  }

  handleDisconnect(port, message) {
    if (port !== null && port !== this.port) {
      return;
    }
    this.port = null;
    const state = classifyDisconnect(message);
    this.failures++;
    if (state === "exited") {
      // the host was running (or started and died): start it again, waiting longer each time
      const delay = this.hadReply ? 0 : Math.min(BACKOFF_FIRST_MS * 2 ** (this.failures - 1), BACKOFF_MAX_MS);
      this.retryAt = Date.now() + delay;
      this.setState("exited", message);
      for (const [id, entry] of this.pending) {
        if (this.queued.includes(id)) {
          continue;
        }
        if (entry.retried || (entry.sentAt && NOT_REPEATED.has(entry.message.type))) {
          this.settle(id, new HostError("host_exited", message || "the host exited"));
        } else {
          entry.retried = true; // checks are idempotent: send each once more on the new port
          this.queued.push(id);
        }
      }
      this.scheduleReconnect(delay);
      return;
    }
    this.retryAt = Date.now() + MISSING_RETRY_MS;
    this.setState(state, message);
    for (const id of [...this.pending.keys()]) {
      this.settle(id, new HostError("host_" + state, message));
    }
    this.queued = [];
  }

  scheduleReconnect(delay) {
    if (this.reconnectTimer !== null) {
      return;
    }
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.port) {
        this.connect();
      }
    }, delay);
  }

  timeOut(id) {
    const entry = this.pending.get(id);
    if (!entry) {
      return;
    }
    this.queued = this.queued.filter((q) => q !== id);
    this.settle(id, new HostError("timeout", `no reply to ${entry.message.type} in time`));
    if (this.port && entry.sentAt && ++this.consecutiveTimeouts >= HUNG_AFTER_TIMEOUTS) {
      // the host is alive but not answering: end it; onDisconnect does not fire for our own disconnect
      const port = this.port;
      this.consecutiveTimeouts = 0;
      port.disconnect();
      this.handleDisconnect(port, "the host stopped answering");
    }
  }

  settle(id, error, result) {
    const entry = this.pending.get(id);
    if (!entry) {
      return;
    }
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (error) {
      entry.reject(error);
    } else {
      entry.resolve(result);
    }
  }

  recordLatency(type, ms) {
    const ring = this.latency[type] || (this.latency[type] = []);
    ring.push(ms);
    if (ring.length > LATENCY_SAMPLES) {
      ring.splice(0, ring.length - LATENCY_SAMPLES);
    }
  }

  /** Round-trip statistics per request type, for the debug message and the benchmark. */
  stats() {
    const out = {};
    for (const [type, ring] of Object.entries(this.latency)) {
      const sorted = [...ring].sort((a, b) => a - b);
      const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      out[type] = { count: sorted.length, median_ms: pick(0.5), p99_ms: pick(0.99), max_ms: sorted[sorted.length - 1] };
    }
    return { state: this.state, detail: this.detail, connects: this.connects, pending: this.pending.size, latency: out };
  }
}
