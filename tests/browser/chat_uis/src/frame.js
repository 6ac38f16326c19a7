// frame.html?kind=same-origin|srcdoc|about-blank|cross-origin&ui=<name>&mode=<mode>
//   same-origin   iframe src="<ui>.html?mode=…" on this origin; window.chatUi delegates to the frame's chatUi
//   srcdoc        iframe srcdoc="…"; once it loads, this page writes the telegram-like chat into the
//                 frame's document by script (the frame itself runs no script); `ui` is ignored
//   about-blank   iframe without src (about:blank); the telegram-like chat is written into it synchronously
//                 (so in mode=history it is there when this bundle finishes); `ui` is ignored
//   cross-origin  iframe src="http://chat-widget.example:<this port>/<ui>.html?mode=…"; window.chatUi only
//                 reports the frame (done once it has loaded); read the frame's own chatUi through it
import { runChatUi, currentMode } from './common.js';
import { createTelegramChat } from './telegram-render.js';

const params = new URLSearchParams(location.search);
const kind = params.get('kind') || 'same-origin';
const ui = params.get('ui') || 'telegram-like';
const mode = currentMode();
const name = `frame-${kind}:${kind === 'srcdoc' || kind === 'about-blank' ? 'telegram-like' : ui}`;
const app = document.getElementById('app');
const frame = document.createElement('iframe');
frame.id = 'chat-frame';
frame.title = '在线客服';
frame.style.cssText = 'width: 580px; height: 660px; border: 1px solid #ccc;';

function placeholder(extra = {}) {
  const api = {
    name,
    version: null,
    kind,
    ui,
    mode,
    done: false,
    frameElement: () => frame,
    messageElements: () => [],
    listElement: () => null,
  };
  // defineProperties, not spread: `extra` may hold getters that must stay live
  window.chatUi = Object.defineProperties(api, Object.getOwnPropertyDescriptors(extra));
}

/** srcdoc and about:blank: the chat lives in the frame's document, written from here. */
function writeInto(doc) {
  let chat = null;
  const api = runChatUi({
    name,
    version: 'tweb class names (hand-written)',
    mount(initial) {
      chat = createTelegramChat(doc, doc.body);
      if (initial.length) chat.add(initial);
    },
    add: (messages) => chat.add(messages),
    listElement: () => chat?.listElement() || null,
    messageElements: () => chat?.messageElements() || [],
  });
  Object.assign(api, { kind, ui, frameElement: () => frame });
  frame.contentWindow.chatUi = api;
}

if (kind === 'same-origin') {
  const inner = () => {
    try {
      return frame.contentWindow && frame.contentWindow.chatUi;
    } catch {
      return null;
    }
  };
  frame.src = `${encodeURIComponent(ui)}.html?mode=${mode}`;
  placeholder({
    get done() {
      return !!inner()?.done;
    },
    get version() {
      return inner()?.version ?? null;
    },
    messageElements: () => inner()?.messageElements() ?? [],
    listElement: () => inner()?.listElement() ?? null,
  });
  app.append(frame);
} else if (kind === 'srcdoc') {
  placeholder();
  frame.srcdoc = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在线客服</title></head><body></body></html>';
  frame.addEventListener('load', () => writeInto(frame.contentDocument), { once: true });
  app.append(frame);
} else if (kind === 'about-blank') {
  placeholder();
  app.append(frame);
  // the initial about:blank document is there synchronously; no document.open()/write(), which would
  // give the frame this page's URL
  writeInto(frame.contentDocument);
} else if (kind === 'cross-origin') {
  const src = `http://chat-widget.example:${location.port}/${encodeURIComponent(ui)}.html?mode=${mode}`;
  placeholder({ crossOrigin: true, frameSrc: src });
  frame.addEventListener('load', () => (window.chatUi.done = true), { once: true });
  frame.src = src;
  app.append(frame);
} else {
  placeholder({ error: `unknown kind ${kind}` });
}
