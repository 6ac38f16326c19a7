// vue-advanced-chat: <vue-advanced-chat> web component (Vue 3 bundled inside, open shadow root). Props as
// JSON strings: rooms, messages ({_id, content, senderId, username, timestamp, date}); a message whose
// senderId is current-user-id is the user's own (right side).
import { register } from 'vue-advanced-chat';
import { runChatUi, LIB_VERSIONS, isOutgoing } from './common.js';

register();
const ME = 'me';
const KEFU = 'kefu';
const toMsg = (m) => ({
  _id: m.id,
  content: m.text,
  senderId: isOutgoing(m) ? ME : KEFU,
  username: m.sender,
  timestamp: m.time,
  date: '今天',
});
const chat = document.createElement('vue-advanced-chat');
let shown = [];
const setMessages = (list) => {
  shown = list;
  chat.setAttribute('messages', JSON.stringify(list.map(toMsg)));
};
const attrs = {
  height: '600px',
  'current-user-id': ME,
  rooms: JSON.stringify([
    {
      roomId: 'r1',
      roomName: '客服小美',
      avatar: '',
      users: [
        { _id: KEFU, username: '客服小美' },
        { _id: ME, username: '我' },
      ],
    },
  ]),
  'room-id': 'r1',
  'single-room': 'true',
  'messages-loaded': 'true',
  'show-emojis': 'false',
  'show-reaction-emojis': 'false',
  'show-audio': 'false',
  'show-files': 'false',
  'username-options': JSON.stringify({ minUsers: 0, currentUser: true }),
  // the footer loads emoji data even with show-emojis=false; by default from a CDN, here from the corpus
  // (build.py copies emoji-picker-element-data's en/emojibase/data.json next to the page)
  'emoji-data-source': new URL('emoji-data.json', location.href).href,
};
for (const [k, v] of Object.entries(attrs)) chat.setAttribute(k, v);
chat.style.display = 'block';
chat.style.width = '520px';
// The component asks for the room's messages when it opens the room (fetch-messages) and shows a
// spinner over the (hidden) list until messages-loaded turns from false to true: answer as its README
// does (false, the messages, then true a task later so that its watcher sees the change).
chat.addEventListener('fetch-messages', () => {
  chat.setAttribute('messages-loaded', 'false');
  setMessages(shown);
  setTimeout(() => chat.setAttribute('messages-loaded', 'true'));
});

const root = () => chat.shadowRoot;
runChatUi({
  name: 'vue-advanced-chat',
  version: LIB_VERSIONS['vue-advanced-chat'],
  mount(initial) {
    setMessages(initial);
    document.getElementById('app').append(chat);
  },
  add(messages) {
    setMessages(shown.concat(messages));
  },
  listElement: () => root()?.querySelector('#messages-list') || null,
  messageElements: () => Array.from(root()?.querySelectorAll('#messages-list .vac-message-wrapper') || []),
});
