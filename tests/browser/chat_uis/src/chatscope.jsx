// @chatscope/chat-ui-kit-react: <MessageList> of <Message model={{direction: 'incoming'|'outgoing'}}>,
// sender and time in <Message.Header>. Rendered DOM: .cs-message-list > … > .cs-message.cs-message--incoming|--outgoing
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import React from 'react';
import {
  MainContainer,
  ChatContainer,
  ConversationHeader,
  MessageList,
  Message,
  MessageInput,
} from '@chatscope/chat-ui-kit-react';
import { LIB_VERSIONS } from './common.js';
import { runReactChatUi } from './react-host.jsx';

function Chat({ messages }) {
  return (
    <div style={{ height: '600px', width: '520px' }}>
      <MainContainer>
        <ChatContainer>
          <ConversationHeader>
            <ConversationHeader.Content userName="客服小美" info="在线" />
          </ConversationHeader>
          <MessageList>
            {messages.map((m) => (
              <Message
                key={m.id}
                model={{
                  message: m.text,
                  sentTime: m.time,
                  sender: m.sender,
                  direction: m.direction,
                  position: 'single',
                }}
              >
                <Message.Header sender={m.sender} sentTime={m.time} />
              </Message>
            ))}
          </MessageList>
          <MessageInput placeholder="输入消息" attachButton={false} />
        </ChatContainer>
      </MainContainer>
    </div>
  );
}

runReactChatUi({
  name: 'chatscope',
  version: LIB_VERSIONS['@chatscope/chat-ui-kit-react'],
  Chat,
  listElement: () => document.querySelector('.cs-message-list'),
  messageElements: () => Array.from(document.querySelectorAll('.cs-message-list .cs-message')),
});
