// Shared by every page: the conversation, the ?mode= schedule and the window.chatUi ground-truth API.
//
// mode=history  all six messages rendered as soon as the bundle runs (chat opened with its history)
// mode=all      empty chat, then all six in one update 1500 ms after `load`
// mode=one      empty chat, then one message every 400 ms starting 1500 ms after `load`
import conversation from '../conversation.json';

export { conversation };

export const FIRST_DELAY_MS = 1500;
export const STEP_MS = 400;

// name -> version, filled in by build.py from node_modules/<package>/package.json
// eslint-disable-next-line no-undef
export const LIB_VERSIONS = typeof KEFU_LIB_VERSIONS === 'object' ? KEFU_LIB_VERSIONS : {};

export function currentMode(search = location.search) {
  const mode = new URLSearchParams(search).get('mode') || 'history';
  return ['history', 'all', 'one'].includes(mode) ? mode : 'history';
}

/** Today's date at "HH:MM" (the conversation's `time`). */
export function timeToDate(time) {
  const [h, m] = time.split(':').map(Number);
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d;
}

export function isOutgoing(message) {
  return message.direction === 'outgoing';
}

/**
 * Install window.chatUi and run the schedule.
 *
 * ui = {
 *   name, version,
 *   mount(initial)          -> render the chat with `initial` messages (the whole history or []);
 *   add(messages)           -> add these messages in ONE update of the library;
 *   messageElements()       -> the library's own element for each message, in conversation order;
 *   listElement()           -> the library's message-list element;
 * }
 */
export function runChatUi(ui, win = window) {
  const mode = currentMode(win.location.search);
  const api = {
    name: ui.name,
    version: ui.version,
    mode,
    done: false,
    doneAt: null, // performance.now() when all six were found in the DOM
    renderedSync: false,
    conversation,
    messageElements: () => ui.messageElements() || [],
    listElement: () => ui.listElement() || null,
  };
  win.chatUi = api;

  const complete = () => {
    const els = api.messageElements();
    return (
      els.length === conversation.length &&
      els.every((el, i) => el && el.isConnected && (el.textContent || '').includes(conversation[i].text))
    );
  };
  const check = () => {
    if (!api.done && complete()) {
      api.done = true;
      api.doneAt = win.performance.now();
      return true;
    }
    return api.done;
  };
  const watch = () => {
    const timer = win.setInterval(() => {
      if (check()) win.clearInterval(timer);
    }, 25);
  };

  if (mode === 'history') {
    ui.mount(conversation.slice());
    // true when the library put the whole history in the DOM while the bundle ran
    api.renderedSync = check();
    if (!api.done) watch();
    return api;
  }
  ui.mount([]);
  const start = () => {
    if (mode === 'all') {
      win.setTimeout(() => {
        ui.add(conversation.slice());
        watch();
      }, FIRST_DELAY_MS);
    } else {
      conversation.forEach((m, i) => {
        win.setTimeout(() => {
          ui.add([m]);
          if (i === conversation.length - 1) watch();
        }, FIRST_DELAY_MS + i * STEP_MS);
      });
    }
  };
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
  return api;
}
