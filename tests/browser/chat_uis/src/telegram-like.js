// A page with a Telegram-Web-K-like chat (hand-written DOM; see telegram-render.js for the source of the class names).
import { runChatUi } from './common.js';
import { createTelegramChat } from './telegram-render.js';

let chat = null;
runChatUi({
  name: 'telegram-like',
  version: 'tweb class names (hand-written)',
  mount(initial) {
    chat = createTelegramChat(document, document.getElementById('app'));
    if (initial.length) chat.add(initial);
  },
  add: (messages) => chat.add(messages),
  listElement: () => chat?.listElement() || null,
  messageElements: () => chat?.messageElements() || [],
});
