// A tiny state holder for React-based chat libraries: the library's components render
// `messages`; `add` appends through React state (one setState = one update).
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

export function mountReact(container, Chat, initial) {
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
