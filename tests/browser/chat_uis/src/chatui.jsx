// @chatui/core (Alibaba ChatUI): <Chat messages renderMessageContent> with useMessages();
// message.position 'left'|'right', user.name, createdAt + hasTime. DOM: .MessageList > .Message.left|.right
import '@chatui/core/dist/index.css';
import React, { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Chat, { Bubble, useMessages } from '@chatui/core';
import { runChatUi, LIB_VERSIONS, timeToDate, isOutgoing } from './common.js';

const toMsg = (m) => ({
  _id: m.id,
  type: 'text',
  content: { text: m.text },
  position: isOutgoing(m) ? 'right' : 'left',
  user: { name: m.sender },
  createdAt: timeToDate(m.time).getTime(),
  hasTime: true,
});

let append = null;
function App({ initial }) {
  const { messages, appendMsg } = useMessages(initial.map(toMsg));
  append = appendMsg;
  return (
    <div style={{ height: '600px', width: '520px' }}>
      <Chat
        navbar={{ title: '客服小美' }}
        messages={messages}
        renderMessageContent={(msg) => <Bubble content={msg.content.text} />}
        onSend={() => {}}
        placeholder="输入消息"
      />
    </div>
  );
}

runChatUi({
  name: 'chatui',
  version: LIB_VERSIONS['@chatui/core'],
  mount(initial) {
    const root = createRoot(document.getElementById('app'));
    flushSync(() => root.render(<App initial={initial} />));
  },
  add(messages) {
    // useMessages has no bulk append: several appendMsg calls in one task are batched into one React update
    for (const m of messages) append(toMsg(m));
  },
  listElement: () => document.querySelector('.MessageList'),
  messageElements: () => Array.from(document.querySelectorAll('.MessageList .Message')),
});
