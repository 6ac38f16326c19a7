// deep-chat: <deep-chat> web component, messages in its open shadow root. `history` holds the messages
// ({role: 'ai'|'user', text}), `names` the senders per role, addMessage() adds one. No timestamps in deep-chat.
import 'deep-chat';
import { runChatUi, LIB_VERSIONS, isOutgoing } from './common.js';

const toMsg = (m) => ({ role: isOutgoing(m) ? 'user' : 'ai', text: m.text });
const chat = document.createElement('deep-chat');
// a font family of our own: with the default one deep-chat links Google Fonts' "Inter" into <head>
chat.style.fontFamily = 'sans-serif';
chat.style.width = '520px';
chat.style.height = '600px';
chat.names = { ai: { text: '客服小美' }, user: { text: '我' } };
chat.textInput = { placeholder: { text: '输入消息' } };
// a service to send to (never called unless someone sends a message); without one deep-chat shows an
// "Connect to any API…" intro message of its own
chat.connect = { url: '/kefu-api/chat' };

const root = () => chat.shadowRoot;
runChatUi({
  name: 'deep-chat',
  version: LIB_VERSIONS['deep-chat'],
  mount(initial) {
    chat.history = initial.map(toMsg);
    document.getElementById('app').append(chat);
  },
  add(messages) {
    for (const m of messages) chat.addMessage(toMsg(m));
  },
  listElement: () => root()?.getElementById('messages') || null,
  messageElements: () =>
    Array.from(root()?.querySelectorAll('#messages .outer-message-container') || []).filter((el) =>
      el.querySelector('.message-bubble.ai-message-text, .message-bubble.user-message-text'),
    ),
});
