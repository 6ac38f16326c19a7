// The React-based chat pages: a tiny state holder whose `messages` the library's components
// render (`add` appends through React state: one setState = one update), run as a chat UI page.
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { runChatUi } from './common.js';

function mountReact(container, Chat, initial) {
  let setMessages = null;
  function Host() {
    const [messages, set] = useState(initial);
    setMessages = set;
    return <Chat messages={messages} />;
  }
  const root = createRoot(container);
  // flushSync: the history is in the DOM when the bundle's script finishes
  flushSync(() => root.render(<Host />));
  return {
    root,
    add(messages) {
      setMessages((prev) => prev.concat(messages));
    },
  };
}

/** runChatUi() for a React `Chat` component rendered into #app. */
export function runReactChatUi({ name, version, Chat, listElement, messageElements }) {
  let host = null;
  return runChatUi({
    name,
    version,
    mount(initial) {
      host = mountReact(document.getElementById('app'), Chat, initial);
    },
    add(messages) {
      host.add(messages);
    },
    listElement,
    messageElements,
  });
}
