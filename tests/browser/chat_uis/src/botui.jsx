// botui 1.x (+ @botui/react): the bot object holds the messages; <BotUIMessageList> renders them.
// A human message is one with meta.fromHuman (the class `human` on .botui_message_content).
// BotUI has no sender names or timestamps, so the page shows neither.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { createBot } from 'botui';
import { BotUI, BotUIMessageList, BotUIAction } from '@botui/react';
import { runChatUi, LIB_VERSIONS, isOutgoing } from './common.js';

const bot = createBot();
const block = (m) => ({ type: 'message', meta: { fromHuman: isOutgoing(m), messageType: 'text' }, data: { text: m.text } });

runChatUi({
  name: 'botui',
  version: LIB_VERSIONS['botui'],
  mount(initial) {
    const root = createRoot(document.getElementById('app'));
    flushSync(() =>
      root.render(
        <BotUI bot={bot}>
          <BotUIMessageList />
          <BotUIAction />
        </BotUI>,
      ),
    );
    // <BotUI> subscribes to the bot in an effect (flushed by the sync render above); load the history now
    if (initial.length) flushSync(() => bot.message.setAll(initial.map(block)));
  },
  add(messages) {
    if (messages.length === 1) bot.message.add(block(messages[0]).data, block(messages[0]).meta);
    else bot.message.setAll(messages.map(block));
  },
  listElement: () => document.querySelector('.botui_message_list'),
  messageElements: () => Array.from(document.querySelectorAll('.botui_message_list .botui_message')),
});
