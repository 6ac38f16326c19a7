// react-chat-elements: <MessageList dataSource=[{type: 'text', position: 'left'|'right', title, text, date, dateString}]>.
// Rendered DOM: .rce-container-mlist > .rce-mlist > .rce-container-mbox > .rce-mbox(.rce-mbox-right)
import 'react-chat-elements/dist/main.css';
import React, { useRef } from 'react';
import { MessageList } from 'react-chat-elements';
import { LIB_VERSIONS, timeToDate, isOutgoing } from './common.js';
import { runReactChatUi } from './react-host.jsx';

function Chat({ messages }) {
  const ref = useRef(null);
  return (
    <div style={{ height: '600px', width: '520px', overflow: 'auto', background: '#e5e5e5' }}>
      <MessageList
        referance={ref}
        className="message-list"
        lockable={true}
        toBottomHeight="100%"
        dataSource={messages.map((m) => ({
          id: m.id,
          type: 'text',
          position: isOutgoing(m) ? 'right' : 'left',
          title: m.sender,
          text: m.text,
          date: timeToDate(m.time),
          dateString: m.time,
          focus: false,
          titleColor: '#4f81a1',
          forwarded: false,
          replyButton: false,
          removeButton: false,
          status: isOutgoing(m) ? 'read' : 'received',
          notch: true,
          retracted: false,
        }))}
      />
    </div>
  );
}

runReactChatUi({
  name: 'react-chat-elements',
  version: LIB_VERSIONS['react-chat-elements'],
  Chat,
  listElement: () => document.querySelector('.rce-mlist'),
  messageElements: () => Array.from(document.querySelectorAll('.rce-mlist .rce-container-mbox')),
});
