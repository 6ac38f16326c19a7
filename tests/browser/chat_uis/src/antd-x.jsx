// @ant-design/x: <Bubble.List items=[{key, role, content, header, footer}] role={{ai: {placement: 'start'}, user: {placement: 'end'}}}>.
// DOM (CSS-in-JS, styles injected at runtime): .ant-bubble-list … .ant-bubble.ant-bubble-start|.ant-bubble-end
import React from 'react';
import { Bubble } from '@ant-design/x';
import { LIB_VERSIONS, isOutgoing } from './common.js';
import { runReactChatUi } from './react-host.jsx';

const roles = {
  ai: { placement: 'start', variant: 'filled' },
  user: { placement: 'end', variant: 'filled' },
};

function Chat({ messages }) {
  return (
    <div style={{ height: '600px', width: '520px', display: 'flex', flexDirection: 'column' }}>
      <Bubble.List
        style={{ height: '600px' }}
        role={roles}
        items={messages.map((m) => ({
          key: m.id,
          role: isOutgoing(m) ? 'user' : 'ai',
          content: m.text,
          header: m.sender,
          footer: m.time,
        }))}
      />
    </div>
  );
}

runReactChatUi({
  name: 'antd-x',
  version: LIB_VERSIONS['@ant-design/x'],
  Chat,
  listElement: () => document.querySelector('.ant-bubble-list'),
  messageElements: () =>
    Array.from(document.querySelectorAll('.ant-bubble-list .ant-bubble')).filter(
      (el) => el.classList.contains('ant-bubble-start') || el.classList.contains('ant-bubble-end'),
    ),
});
